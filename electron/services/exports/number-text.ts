/**
 * Numbers as exports write them: 6 significant digits, never fewer than the integer part
 * (123456.7 → 123457, 432.123456 → 432.123, 0.000123456 → 0.000123456), no trailing zeros,
 * no exponent, and the chosen decimal separator. A forecast is an estimate: digits past the
 * sixth are noise from the arithmetic, not information; an empty cell stands for no value.
 */

export const SIGNIFICANT_DIGITS = 6

export function numberText(value: number | null | undefined, decimalSeparator: '.' | ',' = '.'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  if (value === 0) return '0'
  const integerDigits = Math.floor(Math.log10(Math.abs(value))) + 1
  const decimals = Math.min(100, Math.max(0, SIGNIFICANT_DIGITS - integerDigits))
  let text = value.toFixed(decimals)
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
  if (/^-0(\.0*)?$/.test(text)) text = '0'
  return decimalSeparator === '.' ? text : text.replace('.', decimalSeparator)
}
