import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { captureIo } from '../helpers/cli-io'

const SAMPLE = resolve(__dirname, '../../../resources/samples/AirPassengers.csv')

describe('CLI train → forecast', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  it('trains a tiny manual config on AirPassengers, writes the model folder, then forecasts from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-'))
    dirs.push(dir)
    const configPath = join(dir, 'config.json')
    const tiny = {
      preset: 'manual',
      layers: [{ cell: 'lstm', units: 4, dropout: 0 }],
      lookback: 12,
      horizon: 12,
      epochs: 3,
      patience: 0,
      targetMode: 'seasonalResidual',
      split: { validation: { count: 12 }, test: { count: 12 } },
      backtest: { origins: 2, refit: false },
    }
    await writeFile(configPath, JSON.stringify(tiny))
    const modelDir = join(dir, 'model')
    const train = captureIo()
    const status = await runTrain(
      [SAMPLE, '--target', 'value', '--config', configPath, '--out', modelDir],
      train.io,
    )
    expect(status, train.text.stderr).toBe(0)
    const summary = JSON.parse(train.text.stdout)
    expect(summary.preset).toBe('manual')
    const [value] = summary.metrics.targets
    expect(value.name).toBe('value')
    expect(value.test.mase).toBeGreaterThan(0)
    expect(value.baselines.seasonalNaive.mase).toBeGreaterThan(0)
    // The bands are judged by coverage and by the M4 competition's MSIS, ETS's own bands beside them.
    expect(value.test.coverage['80']).toBeGreaterThanOrEqual(0)
    expect(value.test.intervalScore['95']).toBeGreaterThan(0)
    expect(value.baselines.ets.intervalScore['95']).toBeGreaterThan(0)
    expect(train.text.stderr).toMatch(/epoch 3 /)
    const manifest = JSON.parse(await readFile(join(modelDir, 'model.json'), 'utf8'))
    expect(manifest.format).toBe('lstm-studio-native-model')

    const out = join(dir, 'forecast.csv')
    const forecast = captureIo()
    const forecastStatus = await runForecast([modelDir, SAMPLE, '--horizon', '6', '--out', out], forecast.io)
    expect(forecastStatus, forecast.text.stderr).toBe(0)
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    expect(lines[0]).toBe('date,forecast,lower80,upper80,lower95,upper95')
    expect(lines).toHaveLength(7)
    expect(lines[1].startsWith('1961-01,')).toBe(true)
    const [, mean, lower80, upper80] = lines[1].split(',').map(Number)
    expect(lower80).toBeLessThanOrEqual(mean)
    expect(upper80).toBeGreaterThanOrEqual(mean)
    expect(JSON.parse(forecast.text.stdout).last.date).toBe('1961-06')
  })

  it('refuses unknown columns and foreign model folders with status 2, usage errors with 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-'))
    dirs.push(dir)
    const bad = captureIo()
    expect(await runTrain([SAMPLE, '--target', 'nope', '--out', join(dir, 'm')], bad.io)).toBe(2)
    expect(bad.text.stderr).toMatch(/No column "nope"/)
    await writeFile(join(dir, 'model.json'), '{"format":"something-else"}')
    const foreign = captureIo()
    expect(await runForecast([dir, SAMPLE, '--out', join(dir, 'f.csv')], foreign.io)).toBe(2)
    expect(foreign.text.stderr).toMatch(/not an LSTM Studio model/)
    expect(await runTrain([SAMPLE], captureIo().io)).toBe(1)
  })

  it('refuses a broken CSV, a missing file and a folder with status 2 and one message naming the problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-'))
    dirs.push(dir)
    const broken = join(dir, 'broken.csv')
    const rows = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')},${i + 1}`)
    await writeFile(broken, ['date,value', ...rows, '2021-01,abc'].join('\n'))
    const cases: Array<[string, RegExp]> = [
      [broken, /\nlstm-studio train: broken\.csv, line 14: "abc" in column value is not a number\n$/],
      [
        join(dir, 'missing.csv'),
        /\nlstm-studio train: missing\.csv: cannot be read \(missing file or no permission\)\n$/,
      ],
      [dir, /\nlstm-studio train: lstm-cli-\w+: is a folder, not a CSV file\n$/],
    ]
    for (const [file, message] of cases) {
      const refused = captureIo()
      expect(await runTrain([file, '--target', 'value', '--out', join(dir, 'm')], refused.io)).toBe(2)
      expect(refused.text.stderr).toMatch(message)
    }
  })
})
