import { describe, expect, it } from 'vitest'
import {
  checkPanelInputs,
  checkStaticInputs,
} from '../../../../electron/services/data/panel/check-static-inputs'

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
    expect(() => checkPanelInputs({ staticAttributes: attributes }, 4, { calendar: true })).not.toThrow()
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
    expect(refusal(() => checkPanelInputs({ staticAttributes: [] }, 1, { calendar: true }))).toMatchObject({
      code: 'PANEL_NO_SEASON',
    })
  })
})
