import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { captureIo } from '../helpers/cli-io'
import { combinationGrid } from '../../../worker/pipeline/combination'

const SLICE = resolve(__dirname, '../../fixtures/panel/m3_quarterly_slice_train.csv')
const TINY = {
  layers: [{ cell: 'lstm', units: 6, dropout: 0 }],
  epochs: 2,
  windowsPerEpoch: 200,
  ensemble: 1,
}

describe('CLI: a panel trains one global network and forecasts every series', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  it('train --id … --target … then forecast writes id,date,forecast for each series and step', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-panel-cli-'))
    dirs.push(dir)
    const config = join(dir, 'config.json')
    await writeFile(config, JSON.stringify(TINY))
    const model = join(dir, 'model')
    const train = captureIo()
    const status = await runTrain(
      [
        SLICE,
        '--id',
        'id',
        '--target',
        'value',
        '--horizon',
        '8',
        '--config',
        config,
        '--out',
        model,
        '--workers',
        '1',
      ],
      train.io,
    )
    expect(status, train.text.stderr).toBe(0)
    const summary = JSON.parse(train.text.stdout)
    expect(summary).toMatchObject({ panel: true, series: 12, horizon: 8 })
    expect(summary.test.network.series).toBe(12)
    expect(summary.test.baselines.theta.owa).toBeGreaterThan(0)
    expect(summary.test.baselines.ets.owa).toBeGreaterThan(0)
    expect(summary.combination.validationOwa).toHaveLength(combinationGrid().length)
    expect(combinationGrid()).toContainEqual(summary.combination.weights)

    const out = join(dir, 'forecast.csv')
    const forecast = captureIo()
    expect(
      await runForecast([model, SLICE, '--horizon', '4', '--out', out], forecast.io),
      forecast.text.stderr,
    ).toBe(0)
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    expect(lines[0]).toBe('id,date,forecast,lo80,hi80,lo95,hi95')
    expect(lines).toHaveLength(1 + 12 * 4)
    // N0646's training part ends in 1992 Q4
    expect(lines[1]).toMatch(/^N0646,1993-01,\d/)
    expect(lines[4]).toMatch(/^N0646,1993-10,\d/)
    for (const line of lines.slice(1)) {
      // An empty bound is unbounded: 12 series are too few to calibrate a 95 % band conformally.
      const cells = line.split(',')
      const bound = (i: number, empty: number) => (cells[i] === '' ? empty : Number(cells[i]))
      const [mean, lo80, hi80] = [2, 3, 4].map((i) => Number(cells[i]))
      const [lo95, hi95] = [bound(5, -Infinity), bound(6, Infinity)]
      expect(lo95).toBeLessThanOrEqual(lo80)
      expect(lo80).toBeLessThanOrEqual(mean)
      expect(mean).toBeLessThanOrEqual(hi80)
      expect(hi80).toBeLessThanOrEqual(hi95)
    }
    // The empty 95 % columns are explained, on stderr and in the summary.
    expect(JSON.parse(forecast.text.stdout).unboundedLevels).toEqual([95])
    expect(forecast.text.stderr).toMatch(
      /The 95 % band is unbounded at some steps .*too few series to calibrate it/,
    )

    const tooFar = captureIo()
    expect(await runForecast([model, SLICE, '--horizon', '9', '--out', out], tooFar.io)).toBe(2)
    expect(tooFar.text.stderr).toMatch(/at most 8 steps/)
  })

  it('recognises a long file without --id, and refuses a missing key column by name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-panel-cli-'))
    dirs.push(dir)
    const config = join(dir, 'config.json')
    await writeFile(config, JSON.stringify(TINY))
    const train = captureIo()
    const args = [
      '--target',
      'value',
      '--test',
      '0',
      '--config',
      config,
      '--out',
      join(dir, 'm'),
      '--workers',
      '1',
    ]
    expect(await runTrain([SLICE, ...args], train.io), train.text.stderr).toBe(0)
    expect(JSON.parse(train.text.stdout)).toMatchObject({ panel: true, test: null })
    const refused = captureIo()
    expect(await runTrain([SLICE, '--id', 'shop', ...args], refused.io)).toBe(2)
    expect(refused.text.stderr).toMatch(/no column named shop/)
  })
})

describe('CLI: rolling-origin backtests over a panel', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  async function tinyConfig(): Promise<{ dir: string; config: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-panel-cli-backtest-'))
    dirs.push(dir)
    const config = join(dir, 'config.json')
    await writeFile(config, JSON.stringify(TINY))
    return { dir, config }
  }

  it('--backtest 2 scores two origins before the test part and prints them in the summary', async () => {
    const { dir, config } = await tinyConfig()
    const train = captureIo()
    const args = [SLICE, '--id', 'id', '--target', 'value', '--horizon', '4', '--backtest', '2']
    const status = await runTrain(
      [...args, '--config', config, '--out', join(dir, 'm'), '--workers', '1'],
      train.io,
    )
    expect(status, train.text.stderr).toBe(0)
    const { backtest } = JSON.parse(train.text.stdout)
    expect(backtest.horizon).toBe(4)
    expect(backtest.origins.map((o: { cutFromEnd: number }) => o.cutFromEnd)).toEqual([8, 12])
    for (const origin of backtest.origins) {
      expect(origin).toMatchObject({ series: 12, tooShort: 0, skipped: null })
      expect(origin.scores.naive2.owa).toBeCloseTo(1, 10)
    }
    expect(backtest.mean.origins).toBe(2)
    expect(backtest.mean.scores.network.owa).toBeGreaterThan(0)
    expect(train.text.stderr).toMatch(/backtest origin 2 of 2/)
    expect(train.text.stderr).toMatch(/backtest origin 1: sMAPE \d/)
    expect(train.text.stderr).toMatch(/backtest mean over 2 origin\(s\): sMAPE \d/)
    // Each origin is reported when done, between the test part and the final fit.
    const at = (text: string) => train.text.stderr.indexOf(text)
    expect(at('test part: sMAPE')).toBeGreaterThanOrEqual(0)
    expect(at('test part: sMAPE')).toBeLessThan(at('backtest origin 1: sMAPE'))
    expect(at('backtest origin 2: sMAPE')).toBeLessThan(at('final fit on all data'))
  })

  it('refuses a --backtest that is not 0–5 whole origins, or given for one series, naming the flag', async () => {
    const { dir, config } = await tinyConfig()
    const out = ['--config', config, '--out', join(dir, 'm'), '--workers', '1']
    for (const [value, message] of [
      ['6', /--backtest must be at most 5 origins, got 6/],
      ['-1', /--backtest must be a whole number ≥ 0, got "-1"/],
      ['two', /--backtest must be a whole number ≥ 0, got "two"/],
    ] as const) {
      const refused = captureIo()
      expect(
        await runTrain([SLICE, '--id', 'id', '--target', 'value', `--backtest=${value}`, ...out], refused.io),
      ).toBe(2)
      expect(refused.text.stderr).toMatch(message)
    }
    const single = captureIo()
    const air = resolve(__dirname, '../../../resources/samples/AirPassengers.csv')
    expect(await runTrain([air, '--target', 'value', '--backtest', '2', ...out], single.io)).toBe(2)
    expect(single.text.stderr).toMatch(/--backtest is for a panel/)
  })
})
