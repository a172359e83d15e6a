// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../../renderer/src/i18n/locales/en'
import ExportPanel from '../../../renderer/src/screens/forecast/ExportPanel.vue'

describe('download links of the Forecast screen', () => {
  it('never outlive the model they were made from', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const panel = mount(ExportPanel, {
      props: {
        modelId: 'A',
        forecastId: 'f1',
        modelName: 'LSTM A',
        exportModel: async () => null,
        exportCsv: async () => ({ path: '/p/forecasts/AirPassengers-forecast.csv', csv: 'time,value\n' }),
        chartPng: () => 'data:image/png;base64,AAAA',
      },
      global: { plugins: [createPinia(), createI18n({ legacy: false, locale: 'en', messages: { en } })] },
    })
    await panel.get('[data-testid="export-csv"]').trigger('click')
    await panel.get('[data-testid="export-png"]').trigger('click')
    await flushPromises()
    const href = panel.get('[data-testid="csv-download"]').attributes('href')
    expect(panel.find('[data-testid="png-download"]').exists()).toBe(true)

    await panel.setProps({ modelId: 'B', forecastId: null })
    expect(panel.find('[data-testid="csv-download"]').exists()).toBe(false)
    expect(panel.find('[data-testid="png-download"]').exists()).toBe(false)
    expect(revoke).toHaveBeenCalledWith(href)
  })
})
