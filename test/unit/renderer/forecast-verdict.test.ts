// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { Metrics } from '../../../electron/api/requests/models'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import MetricsTable from '../../../renderer/src/screens/forecast/MetricsTable.vue'
import ModelWarnings from '../../../renderer/src/screens/forecast/ModelWarnings.vue'
import type { EvaluatedTarget } from '../../../renderer/src/screens/forecast/target-view'
import { miscalibrated, worseThanBaseline } from '../../../renderer/src/screens/forecast/verdict'

const metrics = (mase: number | null, mae = 10): Metrics => ({
  mae,
  rmse: 12,
  mape: 8.25,
  smape: 12.34,
  mase,
})

/** A target evaluation with only what the verdicts and tables read. */
function evaluation(model: Metrics, covered80: number | null, points = 24): EvaluatedTarget {
  const zeros = new Array<number>(points).fill(0)
  return {
    name: 'LSTM',
    target: 'value',
    metrics: { validation: null, test: model },
    baselines: [
      { name: 'naive', test: metrics(3.1) },
      { name: 'seasonalNaive', test: metrics(2.49) },
      { name: 'ets', test: metrics(2.8) },
    ],
    coverage: { level80: covered80, level95: 0.95 },
    test: { start: 100, mean: zeros, lower80: zeros, upper80: zeros, lower95: zeros, upper95: zeros },
    notes: [],
  } as unknown as EvaluatedTarget
}

const i18n = (locale: 'en' | 'fr') => createI18n({ legacy: false, locale, messages: { en, fr } })

describe('the Forecast screen judges the model', () => {
  it('names the best baseline that beats the model, on MASE', () => {
    expect(worseThanBaseline(evaluation(metrics(4.51), 0.8))).toEqual({
      baseline: 'seasonalNaive',
      metric: 'mase',
      model: 4.51,
      other: 2.49,
    })
    expect(worseThanBaseline(evaluation(metrics(1.2), 0.8))).toBeNull()
    // Without MASE the comparison falls back to MAE.
    expect(worseThanBaseline(evaluation(metrics(null, 20), 0.8))?.metric).toBe('mae')
  })

  it('flags intervals whose coverage is far from their level, not a small sampling wobble', () => {
    expect(miscalibrated(evaluation(metrics(1), 0.17))).toEqual([{ level: 80, covered: 0.17, points: 24 }])
    expect(miscalibrated(evaluation(metrics(1), 0.75))).toEqual([])
    expect(miscalibrated(evaluation(metrics(1), null))).toEqual([])
  })

  it('says so prominently, in English and French', () => {
    const english = mount(ModelWarnings, {
      props: { evaluation: evaluation(metrics(4.51), 0.17) },
      global: { plugins: [i18n('en')] },
    })
    expect(english.get('[data-testid="model-warnings"]').attributes('role')).toBe('alert')
    expect(english.get('[data-testid="model-worse"]').text()).toBe(
      'This model is worse than the baseline “Seasonal naive” on the test part: MASE 4.51 vs 2.49. Prefer the baseline, or change the settings and train again.',
    )
    expect(english.get('[data-testid="intervals-miscalibrated"]').text()).toBe(
      'The 80% interval covered only 17% of the test points: the real uncertainty is larger than the bands show.',
    )
    const french = mount(ModelWarnings, {
      props: { evaluation: evaluation(metrics(4.51), 0.17) },
      global: { plugins: [i18n('fr')] },
    })
    expect(french.get('[data-testid="model-worse"]').text()).toContain('« Naïf saisonnier »')
    expect(french.get('[data-testid="model-worse"]').text()).toContain('MASE 4,51 contre 2,49')
  })

  it('shows nothing when the model beats every baseline with honest intervals', () => {
    const quiet = mount(ModelWarnings, {
      props: { evaluation: evaluation(metrics(1.2), 0.8) },
      global: { plugins: [i18n('en')] },
    })
    expect(quiet.find('[data-testid="model-warnings"]').exists()).toBe(false)
  })

  it('gives baselines human names and percentage metrics a %', () => {
    const table = mount(MetricsTable, {
      props: { evaluation: evaluation(metrics(4.51), 0.8) },
      global: { plugins: [i18n('en')] },
    })
    const names = table.findAll('[data-testid="metrics-baseline"] th').map((cell) => cell.text())
    expect(names).toEqual(['Naive (last value)', 'Seasonal naive', 'ETS (exponential smoothing)'])
    const modelCells = table.findAll('[data-testid="metrics-model"] td').map((cell) => cell.text())
    // MAE, RMSE, MAPE, sMAPE, MASE
    expect(modelCells).toEqual(['10', '12', '8.25%', '12.3%', '4.51'])
  })

  it("gives the bands' scaled interval score beside ETS's own, and nothing for evaluations saved before it", () => {
    const scored = {
      ...evaluation(metrics(1), 0.8),
      intervalScore: { model: { level80: 4.104, level95: 6.197 }, ets: { level80: 4.37, level95: null } },
    }
    const english = mount(MetricsTable, { props: { evaluation: scored }, global: { plugins: [i18n('en')] } })
    expect(english.get('[data-testid="interval-score"]').text()).toBe(
      "Scaled interval score (MSIS, the M4 measure; lower is better): 80 % → 4.1, 95 % → 6.2; ETS's own intervals: 4.37, —",
    )
    const french = mount(MetricsTable, {
      props: { evaluation: { ...scored, intervalScore: { ...scored.intervalScore, ets: null } } },
      global: { plugins: [i18n('fr')] },
    })
    expect(french.get('[data-testid="interval-score"]').text()).toBe(
      "Score d'intervalle normalisé (MSIS, la mesure de M4 ; plus bas est meilleur) : 80 % → 4,1, 95 % → 6,2",
    )
    const older = mount(MetricsTable, {
      props: { evaluation: evaluation(metrics(1), 0.8) },
      global: { plugins: [i18n('en')] },
    })
    expect(older.find('[data-testid="interval-score"]').exists()).toBe(false)
  })
})
