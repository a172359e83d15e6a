import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { RunRecord } from '../../../electron/api/records'
import en from '../../../renderer/src/i18n/locales/en'
import { isShownSetting, runName, settingLabel } from '../../../renderer/src/screens/train/run-name'

const run = {
  id: 'run-mxbu8a-1234',
  status: 'completed',
  config: { source: { projectId: 'p', datasetId: 'd1', targets: ['value'] } },
  started: '2026-12-06T13:40:00.000Z',
  ended: null,
} as unknown as RunRecord

describe('runs as people name them', () => {
  it('say the dataset, the network and when, not the id', () => {
    const name = runName(
      run,
      'LSTM 16 → LSTM 8',
      [{ id: 'd1', name: 'AirPassengers' }],
      () => '6 Dec 2026, 13:40',
    )
    expect(name).toBe('AirPassengers · LSTM 16 → LSTM 8 · 6 Dec 2026, 13:40')
    expect(runName({ ...run, started: null }, undefined, [], () => '')).toBe(run.id)
  })

  it("label settings with the Model screen's words and hide where the run came from", () => {
    const { t, te } = createI18n({ legacy: false, locale: 'en', messages: { en } }).global
    expect(settingLabel('config.lookback', t, te)).toBe('Lookback (steps)')
    expect(settingLabel('forecasting.backtest.origins', t, te)).toBe('Backtest origins (0 = none)')
    expect(settingLabel('config.optimizer.lr', t, te)).toBe('Learning rate')
    expect(settingLabel('config.layers', t, te)).toBe('Layer stack (input at the top)')
    expect(settingLabel('config.somethingNew', t, te)).toBe('config.somethingNew')
    expect(isShownSetting('source.projectId')).toBe(false)
    expect(isShownSetting('config.lookback')).toBe(true)
  })
})
