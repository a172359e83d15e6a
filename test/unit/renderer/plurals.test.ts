import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import { frenchPlural } from '../../../renderer/src/i18n/plural'

describe('counted messages', () => {
  it('agree with their number in English and French ("Fix 1 setting")', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'en',
      messages: { en, fr },
      pluralRules: { fr: frenchPlural },
    })
    const { t, locale } = i18n.global
    expect(t('model.issueCount', { count: 1 }, 1)).toBe('Fix 1 setting before training')
    expect(t('model.issueCount', { count: 3 }, 3)).toBe('Fix 3 settings before training')
    locale.value = 'fr'
    expect(t('model.issueCount', { count: 1 }, 1)).toBe('Corrigez 1 réglage avant l’entraînement')
  })
})
