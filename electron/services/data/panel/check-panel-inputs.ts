import type { CovariateInfo, PanelDatasetInfo, StaticAttributeInfo } from '../../../api/records'
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

/**
 * The known-future inputs a person asks for must be covariates of the panel (numeric columns that
 * change within its series), given for the whole horizon after every series' last value.
 */
export function checkFutureInputs(
  requested: readonly string[],
  covariates: readonly CovariateInfo[],
  horizon: number,
): void {
  const seen = new Set<string>()
  for (const name of requested) {
    if (seen.has(name))
      throw new CodedError('PANEL_UNKNOWN_COVARIATE', `known-future input "${name}" is listed twice`, {
        details: { column: name },
      })
    seen.add(name)
    const covariate = covariates.find((c) => c.name === name)
    if (!covariate) {
      const choices =
        covariates.length > 0
          ? `its covariates are ${covariates.map((c) => c.name).join(', ')}`
          : 'it has none'
      throw new CodedError(
        'PANEL_UNKNOWN_COVARIATE',
        `the panel has no covariate "${name}" (a numeric column that changes within its series); ${choices}`,
        { details: { column: name } },
      )
    }
    if (covariate.ahead < horizon)
      throw new CodedError(
        'PANEL_FUTURE_MISSING',
        `covariate "${name}" is given ${covariate.ahead} step(s) after the last value of some series, and a horizon of ${horizon} needs ${horizon}: ` +
          `add each series' next ${horizon} rows with their dates, the planned "${name}" and an empty value`,
        { details: { column: name } },
      )
  }
}

/** The app's check of a panel run's extra inputs, before anything is recorded. */
export function checkPanelInputs(
  info: Pick<PanelDatasetInfo, 'staticAttributes' | 'covariates'>,
  season: number,
  horizon: number,
  settings: { staticInputs?: string[]; calendar?: boolean; futureInputs?: string[] } = {},
): void {
  checkStaticInputs(settings.staticInputs ?? [], info.staticAttributes)
  checkFutureInputs(settings.futureInputs ?? [], info.covariates, horizon)
  if (settings.calendar && season <= 1)
    throw new CodedError(
      'PANEL_NO_SEASON',
      'Calendar inputs need a seasonal panel (quarters, months, weeks, days, hours…); this panel has no season',
    )
}
