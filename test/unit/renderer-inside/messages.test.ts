// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../renderer/src/i18n'
import { en, fr } from '../../../renderer/src/screens/inside/messages'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
}

describe('inside-the-cell messages', () => {
  it('has every string in English and in French', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort())
    for (const key of keys(fr))
      expect(key.split('.').reduce<unknown>((o, k) => (o as never)[k], fr)).not.toBe('')
  })

  it('is merged into the app’s locales on import, leaving their own keys in place', () => {
    expect(i18n.global.te('inside.gradient.compare', 'en')).toBe(true)
    expect(i18n.global.t('inside.gradient.compare', {}, { locale: 'fr' })).toBe(fr.gradient.compare)
    expect(i18n.global.te('app.title', 'fr')).toBe(true)
  })
})
