import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import { frenchPlural } from '../../../renderer/src/i18n/plural'

const translator = (locale: 'en' | 'fr') =>
  createI18n({ legacy: false, locale, messages: { en, fr }, pluralRules: { fr: frenchPlural } })
    .global as unknown as { t: (key: string, named: Record<string, unknown>, plural: number) => string }

describe('counts are said through plural forms, in each language', () => {
  it('one and several forecasts, rows, files and origins in English', () => {
    const { t } = translator('en')
    const count = (key: string, n: number) => t(key, { count: n }, n)
    expect([0, 1, 2].map((n) => count('projects.forecastCount', n))).toEqual([
      'no forecasts',
      '1 forecast',
      '2 forecasts',
    ])
    expect(count('data.rows', 1)).toBe('1 row')
    expect(t('forecast.modelExported', { path: '/p', count: 1 }, 1)).toBe('Model exported to /p (1 file)')
    expect(count('forecast.backtestNoRefit', 1)).toMatch(/^1 origin;/)
  })

  it('with French rules (0 and 1 singular)', () => {
    const { t } = translator('fr')
    const count = (key: string, n: number) => t(key, { count: n }, n)
    expect([0, 1, 2].map((n) => count('projects.datasetCount', n))).toEqual([
      'aucun jeu de données',
      '1 jeu de données',
      '2 jeux de données',
    ])
    expect(count('data.rows', 1)).toBe('1 ligne')
    expect(t('import.progress', { rows: 0, percent: 0 }, 0)).toBe('0 ligne lue (0 %)')
  })

  it('on the Model, Train and Panel screens too', () => {
    const en_ = translator('en')
    const fr_ = translator('fr')
    expect(en_.t('model.trainingWindows', { count: 1 }, 1)).toBe('1 training window')
    expect(en_.t('model.trainingWindows', { count: 96 }, 96)).toBe('96 training windows')
    expect(en_.t('train.points', { count: 1 }, 1)).toBe('1 loss point')
    expect(en_.t('panel.scores.fallback', { count: 1 }, 1)).toMatch(/^1 series too short for the network was/)
    expect(fr_.t('model.trainingWindows', { count: 1 }, 1)).toBe("1 fenêtre d'entraînement")
    expect(fr_.t('panel.scores.fallback', { count: 2 }, 2)).toMatch(/^2 séries trop courtes/)
    const attribute = (tr: typeof en_, count: number) =>
      tr.t('panel.attributes.categorical', { name: 'type', count }, count)
    expect([1, 5].map((count) => attribute(en_, count))).toEqual(['type (1 category)', 'type (5 categories)'])
    expect([1, 5].map((count) => attribute(fr_, count))).toEqual([
      'type (1 catégorie)',
      'type (5 catégories)',
    ])
    const ahead = (tr: typeof en_, count: number) =>
      tr.t('panel.covariates.ahead', { name: 'promo', count }, count)
    expect([0, 1, 4].map((count) => ahead(en_, count))).toEqual([
      'promo (no row ahead)',
      'promo (given 1 step ahead)',
      'promo (given 4 steps ahead)',
    ])
    expect([0, 1, 4].map((count) => ahead(fr_, count))).toEqual([
      'promo (aucune ligne à l’avance)',
      'promo (donnée 1 pas à l’avance)',
      'promo (donnée 4 pas à l’avance)',
    ])
  })
})
