import type { PanelDatasetInfo, StaticAttributeInfo } from '../../../api/records'
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
      throw new CodedError('PANEL_UNKNOWN_ATTRIBUTE', `static input "${name}" is listed twice`, {
        details: { column: name },
      })
    seen.add(name)
    if (known.has(name)) continue
    const choices =
      attributes.length > 0
        ? `its static attributes are ${attributes.map((a) => a.name).join(', ')}`
        : 'it has no static attribute'
    const reason = varying.includes(name)
      ? `column "${name}" changes within a series, so it is not a static attribute`
      : `the panel has no static attribute "${name}"`
    throw new CodedError('PANEL_UNKNOWN_ATTRIBUTE', `${reason}; ${choices}`, { details: { column: name } })
  }
}

/** The app's check of a panel run's extra inputs, before anything is recorded. */
export function checkPanelInputs(
  info: Pick<PanelDatasetInfo, 'staticAttributes'>,
  season: number,
  settings: { staticInputs?: string[]; calendar?: boolean } = {},
): void {
  checkStaticInputs(settings.staticInputs ?? [], info.staticAttributes)
  if (settings.calendar && season <= 1)
    throw new CodedError(
      'PANEL_NO_SEASON',
      'Calendar inputs need a seasonal panel (quarters, months, weeks, days, hours…); this panel has no season',
    )
}
