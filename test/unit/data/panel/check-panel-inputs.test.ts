import { describe, expect, it } from 'vitest'
import {
  checkFutureInputs,
  checkPanelInputs,
  checkStaticInputs,
} from '../../../../electron/services/data/panel/check-panel-inputs'

const attributes = [
  { name: 'type', kind: 'categorical' as const, categories: 5 },
  { name: 'size', kind: 'numeric' as const, categories: 40 },
]

/** The error a check throws (the test fails when it throws none). */
function refusal(run: () => void): Error & { code?: string; details?: Record<string, string> } {
  try {
    run()
  } catch (error) {
    return error as Error & { code?: string; details?: Record<string, string> }
  }
  throw new Error('expected a refusal')
}

describe('checking the static inputs a person asks for', () => {
  it('accepts the panel’s own attributes', () => {
    expect(() => checkStaticInputs(['size', 'type'], attributes)).not.toThrow()
    expect(() =>
      checkPanelInputs({ staticAttributes: attributes, covariates: [] }, 4, 8, { calendar: true }),
    ).not.toThrow()
  })
  it('refuses an unknown column, a varying one and a repeated one, naming it and the choices', () => {
    const unknown = refusal(() => checkStaticInputs(['region'], attributes))
    expect(unknown).toMatchObject({ code: 'PANEL_UNKNOWN_ATTRIBUTE', details: { column: 'region' } })
    expect(unknown.message).toBe(
      'the panel has no static attribute "region"; its static attributes are type, size',
    )
    expect(refusal(() => checkStaticInputs(['temp'], [], ['temp'])).message).toBe(
      'column "temp" changes within a series, so it is not a static attribute; it has no static attribute',
    )
    expect(refusal(() => checkStaticInputs(['type', 'type'], attributes)).message).toMatch(/listed twice/)
  })
  it('refuses calendar inputs on a panel without a season', () => {
    expect(
      refusal(() => checkPanelInputs({ staticAttributes: [], covariates: [] }, 1, 8, { calendar: true })),
    ).toMatchObject({
      code: 'PANEL_NO_SEASON',
    })
  })
})

describe('checking the known-future inputs a person asks for', () => {
  const covariates = [
    { name: 'promo', ahead: 8 },
    { name: 'price', ahead: 3 },
  ]
  it('accepts a covariate given for the whole horizon ahead', () => {
    expect(() => checkFutureInputs(['promo'], covariates, 8)).not.toThrow()
    expect(() => checkFutureInputs(['promo', 'price'], covariates, 3)).not.toThrow()
  })
  it('refuses a covariate given for fewer steps than the horizon, saying how many rows to add', () => {
    const short = refusal(() => checkFutureInputs(['price'], covariates, 4))
    expect(short).toMatchObject({ code: 'PANEL_FUTURE_MISSING', details: { column: 'price' } })
    expect(short.message).toMatch(/"price" is given 3 step\(s\).*horizon of 4 needs 4.*next 4 rows/)
  })
  it('refuses an unknown or repeated column, naming the choices', () => {
    const unknown = refusal(() => checkFutureInputs(['sales'], covariates, 2))
    expect(unknown).toMatchObject({ code: 'PANEL_UNKNOWN_COVARIATE', details: { column: 'sales' } })
    expect(unknown.message).toMatch(/no covariate "sales".*its covariates are promo, price/)
    expect(refusal(() => checkFutureInputs(['promo', 'promo'], covariates, 2)).message).toMatch(
      /listed twice/,
    )
    expect(
      refusal(() =>
        checkPanelInputs({ staticAttributes: [], covariates: [] }, 4, 2, { futureInputs: ['promo'] }),
      ).message,
    ).toMatch(/it has none/)
  })
})
