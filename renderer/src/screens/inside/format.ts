/** Gate and state values with a fixed three decimals, so columns of numbers line up. */
export function formatValue(locale: string, value: number): string {
  if (!Number.isFinite(value)) return '—'
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value)
}

/** Gradient norms span many decades: scientific notation keeps them comparable. */
export function formatSmall(value: number): string {
  return Number.isFinite(value) ? value.toExponential(2) : '—'
}

export function formatStamp(locale: string, stamp: number | null | undefined, index: number): string {
  if (stamp === null || stamp === undefined || !Number.isFinite(stamp)) return `#${index}`
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(stamp)
}

/** "How many times more": two significant digits are all a ratio of gradients is worth. */
export function formatRatio(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(value)
}
