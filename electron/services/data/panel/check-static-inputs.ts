import type { StaticAttributeInfo } from '../../../api/records'
import { CodedError } from '../../storage'

/**
 * The static inputs a person asks for must be static attributes of the panel: a column that
 * changes within a series, or no column at all, is refused with the reason and the choices.
 */
export function checkStaticInputs(
  requested: readonly string[],
  attributes: readonly StaticAttributeInfo[],
  varying: readonly string[] = [],
): void {
  const known = new Set(attributes.map((a) => a.name))
  const seen = new Set<string>()
  for (const name of requested) {
    if (seen.has(name))
      throw new CodedError('PANEL_UNKNOWN_ATTRIBUTE', `static input "${name}" is listed twice`)
    seen.add(name)
    if (known.has(name)) continue
    const choices =
      attributes.length > 0
        ? `its static attributes are ${attributes.map((a) => a.name).join(', ')}`
        : 'it has no static attribute'
    const reason = varying.includes(name)
      ? `column "${name}" changes within a series, so it is not a static attribute`
      : `the panel has no static attribute "${name}"`
    throw new CodedError('PANEL_UNKNOWN_ATTRIBUTE', `${reason}; ${choices}`)
  }
}
