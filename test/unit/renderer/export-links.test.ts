// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { localDate } from '../../../electron/api/export-name'
import en from '../../../renderer/src/i18n/locales/en'
import ExportPanel from '../../../renderer/src/screens/forecast/ExportPanel.vue'

function panelOf(
  zipsFolders: boolean,
  downloadZip = vi.fn(async () => ({ name: 'AirPassengers-onnx-2026-12-06.zip', blob: new Blob(['PK']) })),
) {
  return mount(ExportPanel, {
    props: {
      modelId: 'A',
      forecastId: 'f1',
      subjectName: 'Air: passengers',
      exportModel: async () => ({
        path: '/p/exports/AirPassengers-onnx-2026-12-06',
        files: ['model.onnx', 'README.md'],
        folder: 'AirPassengers-onnx-2026-12-06',
      }),
      downloadZip,
      zipsFolders,
      exportCsv: async () => ({ path: '/p/forecasts/AirPassengers-forecast.csv', csv: 'time,value\n' }),
      chartPng: () => 'data:image/png;base64,AAAA',
    },
    global: { plugins: [createPinia(), createI18n({ legacy: false, locale: 'en', messages: { en } })] },
  })
}

describe('download links of the Forecast screen', () => {
  it('offer every export, the model folder as a zip, under names a person reads', async () => {
    const downloadZip = vi.fn(async () => ({
      name: 'AirPassengers-onnx-2026-12-06.zip',
      blob: new Blob(['PK']),
    }))
    const panel = panelOf(true, downloadZip)
    await panel.get('[data-testid="export-model"]').trigger('click')
    await panel.get('[data-testid="export-csv"]').trigger('click')
    await panel.get('[data-testid="export-png"]').trigger('click')
    await flushPromises()
    expect(downloadZip).toHaveBeenCalledWith('AirPassengers-onnx-2026-12-06')
    expect(panel.get('[data-testid="zip-download"]').attributes('download')).toBe(
      'AirPassengers-onnx-2026-12-06.zip',
    )
    expect(panel.get('[data-testid="csv-download"]').attributes('download')).toBe(
      'AirPassengers-forecast.csv',
    )
    expect(panel.get('[data-testid="png-download"]').attributes('download')).toBe(
      `Air_ passengers-chart-${localDate(new Date())}.png`,
    )
  })

  it('never outlive the model they were made from', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const panel = panelOf(true)
    await panel.get('[data-testid="export-model"]').trigger('click')
    await panel.get('[data-testid="export-csv"]').trigger('click')
    await panel.get('[data-testid="export-png"]').trigger('click')
    await flushPromises()
    const csv = panel.get('[data-testid="csv-download"]').attributes('href')
    const zip = panel.get('[data-testid="zip-download"]').attributes('href')
    expect(panel.find('[data-testid="png-download"]').exists()).toBe(true)

    await panel.setProps({ modelId: 'B', forecastId: null })
    for (const link of ['csv-download', 'png-download', 'zip-download'])
      expect(panel.find(`[data-testid="${link}"]`).exists()).toBe(false)
    expect(revoke).toHaveBeenCalledWith(csv)
    expect(revoke).toHaveBeenCalledWith(zip)
  })

  it('in the desktop app, leave the exported folder where the notice says, unzipped', async () => {
    const downloadZip = vi.fn()
    const panel = panelOf(false, downloadZip)
    await panel.get('[data-testid="export-model"]').trigger('click')
    await flushPromises()
    expect(downloadZip).not.toHaveBeenCalled()
    expect(panel.find('[data-testid="zip-download"]').exists()).toBe(false)
  })
})
