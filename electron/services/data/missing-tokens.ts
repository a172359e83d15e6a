/** Spellings of "no value" found in exports from R, pandas, Excel and databases. */
const MISSING_TOKENS = new Set([
  '',
  'NA',
  'N/A',
  'n/a',
  'na',
  '#N/A',
  'NaN',
  'nan',
  'NAN',
  'null',
  'NULL',
  'Null',
  'None',
  'inf',
  '-inf',
  '+inf',
  'Inf',
  '-Inf',
  'Infinity',
  '-Infinity',
  '+Infinity',
  '-',
  '?',
])

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Cheap for the common case: a cell starting with a digit is never a missing marker. */
export function isMissingCell(cell: string): boolean {
  if (cell.length > 0 && isDigitCode(cell.charCodeAt(0))) return false
  return MISSING_TOKENS.has(cell) || MISSING_TOKENS.has(cell.trim())
}
