import { describe, expect, it } from 'vitest'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'

/** Every leaf key of a messages object, as dotted paths. */
function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('English and French messages', () => {
  it('have the same keys in both directions', () => {
    const english = new Set(keysOf(en))
    const french = new Set(keysOf(fr))
    expect([...english].filter((key) => !french.has(key))).toEqual([])
    expect([...french].filter((key) => !english.has(key))).toEqual([])
  })

  it('leave no French message empty', () => {
    const empty = keysOf(fr).filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], fr)
      return typeof value !== 'string' || value.trim() === ''
    })
    expect(empty).toEqual([])
  })
})
