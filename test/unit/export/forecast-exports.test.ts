import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runTrain } from '../../../electron/cli/train'
import { loadForecastModel } from '../../../electron/services/models/index'
import { paramCount } from '../../../worker/engine/index'
import type { PipelineConfig } from '../../../worker/pipeline/index'
import {
  captureIo,
  exportTo,
  forecastFrom,
  join,
  nativeModel,
  seriesValues,
  TARGET_COLUMN,
  writeSeriesCsv,
  type ForecastRun,
} from './export-folders'

/**
 * `lstm-studio forecast` on a native model folder and on its ONNX and TF.js exports: the same
 * dates and, in every column, the same numbers (ONNX is read back into the engine's weights;
 * TF.js runs in tfjs's float32 CPU backend, hence a relative tolerance).
 */

const RELATIVE = 1e-4

let root = ''
beforeAll(async () => (root = await mkdtemp(join(tmpdir(), 'lstm-forecast-exports-'))))
afterAll(async () => rm(root, { recursive: true, force: true }))

function expectSameForecast(actual: ForecastRun, expected: ForecastRun, label: string): void {
  expect(actual.status, `${label}: ${actual.stderr}`).toBe(0)
  expect(actual.rows).toHaveLength(expected.rows.length)
  expect(actual.rows[0]).toEqual(['date', 'forecast', 'lower80', 'upper80', 'lower95', 'upper95'])
  expect(
    actual.rows.map((row) => row[0]),
    `${label}: dates`,
  ).toEqual(expected.rows.map((row) => row[0]))
  actual.rows.slice(1).forEach((row, r) =>
    row.slice(1).forEach((cell, c) => {
      const reference = expected.rows[r + 1][c + 1]
      if (reference === '') return expect(cell, `${label}: row ${r + 1} column ${c + 1}`).toBe('')
      const [a, b] = [Number(cell), Number(reference)]
      expect(Math.abs(a - b), `${label}: row ${r + 1} column ${c + 1}: ${a} vs ${b}`).toBeLessThanOrEqual(
        RELATIVE * Math.max(Math.abs(a), Math.abs(b)),
      )
    }),
  )
  const [summary, reference] = [JSON.parse(actual.stdout), JSON.parse(expected.stdout)]
  expect({ ...summary, out: '', first: summary.first.date, last: summary.last.date }).toEqual({
    ...reference,
    out: '',
    first: reference.first.date,
    last: reference.last.date,
  })
}

const lstm = (units = 5) => ({ cell: 'lstm' as const, units, dropout: 0 })
const gru = (units = 4) => ({ cell: 'gru' as const, units, dropout: 0 })
const rnn = (units = 4) => ({ cell: 'rnn' as const, units, dropout: 0 })

const CASES: { label: string; config: Partial<PipelineConfig> }[] = [
  {
    label: 'LSTM, direct level, log + zscore',
    config: { layers: [lstm()], transforms: { scaling: 'zscore', log: 'log', difference: 'none' } },
  },
  {
    label: 'RNN×2, recursive level, minmax + first difference',
    config: {
      layers: [rnn(), rnn(3)],
      strategy: 'recursive',
      transforms: { scaling: 'minmax', log: 'none', difference: 'first' },
    },
  },
  {
    label: 'LSTM, seasonal residual (60 % of the correction), log transform',
    config: {
      layers: [lstm(4)],
      targetMode: 'seasonalResidual',
      residualWeight: 0.6,
      transforms: { scaling: 'zscore', log: 'log', difference: 'none' },
    },
  },
  {
    label: 'an ensemble of 3 LSTM→RNN networks, recursive seasonal residual',
    config: {
      layers: [lstm(4), rnn(3)],
      ensemble: 3,
      strategy: 'recursive',
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'zscore', log: 'log1p', difference: 'none' },
    },
  },
  {
    label: 'GRU→LSTM, direct level, seasonal difference',
    config: {
      layers: [gru(), lstm(3)],
      transforms: { scaling: 'zscore', log: 'none', difference: 'seasonal' },
    },
  },
]

describe('lstm-studio forecast reads every format lstm-studio export writes', () => {
  it.each(CASES.map((c, i) => ({ ...c, seed: 30 + i })))('$label', async ({ config, seed }) => {
    const dir = join(root, `case-${seed}`)
    const values = seriesValues(seed)
    const csv = join(dir, 'sales.csv')
    const native = await nativeModel(join(dir, 'native'), values, config, seed)
    await writeSeriesCsv(csv, values)
    const expected = await forecastFrom(native, csv, join(dir, 'native.csv'))
    expect(expected.status, expected.stderr).toBe(0)
    expect(expected.rows).toHaveLength(7)

    const onnx = await exportTo(native, 'onnx', join(dir, 'onnx'))
    expect(onnx.status, onnx.stderr).toBe(0)
    expectSameForecast(await forecastFrom(join(dir, 'onnx'), csv, join(dir, 'onnx.csv')), expected, 'onnx')

    const tfjsExport = await exportTo(native, 'tfjs', join(dir, 'tfjs'))
    expect(tfjsExport.status, tfjsExport.stderr).toBe(0)
    expectSameForecast(await forecastFrom(join(dir, 'tfjs'), csv, join(dir, 'tfjs.csv')), expected, 'tfjs')
    // The tfjs graph averages an ensemble itself: the pipeline must see it as one network.
    const tfjsModel = (await loadForecastModel(join(dir, 'tfjs'))).model
    expect(tfjsModel.params.length).toBe(paramCount(tfjsModel.state.spec))
  })

  it('forecasts the exports of an ensemble trained by lstm-studio train like the model itself', async () => {
    const dir = join(root, 'trained')
    const csv = join(root, 'trained.csv')
    const values = seriesValues(7)
    await writeSeriesCsv(csv, values)
    const config = join(root, 'trained-config.json')
    await writeFile(
      config,
      JSON.stringify({
        preset: 'manual',
        layers: [lstm(4)],
        // Auto trains several members; two keep the test quick and still make it an ensemble.
        ensemble: 2,
        lookback: 12,
        horizon: 6,
        epochs: 2,
        patience: 0,
        targetMode: 'seasonalResidual',
        split: { validation: { count: 12 }, test: { count: 12 } },
        backtest: { origins: 1, refit: false },
      }),
    )
    const train = captureIo()
    const status = await runTrain(
      [csv, '--target', TARGET_COLUMN, '--config', config, '--out', dir],
      train.io,
    )
    expect(status, train.text.stderr).toBe(0)
    const expected = await forecastFrom(dir, csv, join(root, 'trained-native.csv'))
    expect(expected.status, expected.stderr).toBe(0)
    expect(expected.rows[1][0]).toBe('2006-01')
    for (const format of ['onnx', 'tfjs']) {
      expect((await exportTo(dir, format, join(root, `trained-${format}`))).status).toBe(0)
      const actual = await forecastFrom(
        join(root, `trained-${format}`),
        csv,
        join(root, `trained-${format}.csv`),
      )
      expectSameForecast(actual, expected, format)
      const card = await readFile(join(root, `trained-${format}`, 'README.md'), 'utf8')
      expect(card).toContain('lstm-studio forecast . data.csv --horizon H --out forecast.csv')
      const description = await readFile(join(root, `trained-${format}`, 'preprocessing.json'), 'utf8')
      expect(JSON.parse(description).members).toBe(2)
    }
  })
})
