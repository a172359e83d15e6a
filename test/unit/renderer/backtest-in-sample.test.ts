// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { Metrics } from '../../../electron/api/requests/models'
import en from '../../../renderer/src/i18n/locales/en'
import BacktestTable from '../../../renderer/src/screens/forecast/BacktestTable.vue'

const metrics: Metrics = { mae: 1, rmse: 1, mape: 1, smape: 1, mase: 1 }

function table(refit: boolean) {
  return mount(BacktestTable, {
    props: {
      backtest: { origins: [100, 126, 132].map((origin) => ({ origin, metrics })), overall: metrics, refit },
      timestamps: null,
      trainingEnd: 120,
      utcOffsetMinutes: null,
    },
    global: { plugins: [createI18n({ legacy: false, locale: 'en', messages: { en } })] },
  })
}

describe('backtest origins', () => {
  it('inside the data the judged network trained on are marked in-sample', () => {
    const rows = table(false).findAll('tbody th')
    expect(rows.map((row) => row.find('[data-testid="in-sample"]').exists())).toEqual([
      true,
      false,
      false,
      false,
    ])
  })

  it('are all out of sample when a network is refitted before each one', () => {
    expect(table(true).findAll('[data-testid="in-sample"]')).toHaveLength(0)
  })
})
