import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { captureIo } from '../helpers/cli-io'

/** Ten days of hourly readings written at +01:00, from midnight on March 1st, 2020. */
function hourlyAtPlusOne(): string {
  const rows = Array.from({ length: 240 }, (_, hour) => {
    const when = new Date(Date.UTC(2020, 2, 1) + hour * 3_600_000)
    const stamp = `${when.toISOString().slice(0, 13)}:00:00+01:00`
    return `${stamp},${(50 + 10 * Math.sin((2 * Math.PI * hour) / 24)).toFixed(3)}`
  })
  return `time,load\n${rows.join('\n')}\n`
}

describe('lstm-studio forecast on a file written at +01:00', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  it("writes the forecast's hours on the file's own clock, with its offset", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-zone-'))
    dirs.push(dir)
    const data = join(dir, 'load.csv')
    await writeFile(data, hourlyAtPlusOne())
    const config = join(dir, 'config.json')
    await writeFile(
      config,
      JSON.stringify({
        preset: 'manual',
        layers: [{ cell: 'lstm', units: 4, dropout: 0 }],
        lookback: 24,
        horizon: 6,
        epochs: 2,
        patience: 0,
        split: { validation: { count: 24 }, test: { count: 24 } },
        backtest: { origins: 0, refit: false },
      }),
    )
    const train = captureIo()
    const model = join(dir, 'model')
    expect(
      await runTrain([data, '--target', 'load', '--config', config, '--out', model], train.io),
      train.text.stderr,
    ).toBe(0)
    const out = join(dir, 'forecast.csv')
    const forecast = captureIo()
    expect(
      await runForecast([model, data, '--horizon', '3', '--out', out], forecast.io),
      forecast.text.stderr,
    ).toBe(0)
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    // The file's last row is 2020-03-10 23:00 at +01:00: the forecast goes on from midnight, as written there.
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      '2020-03-11 00:00+01:00',
      '2020-03-11 01:00+01:00',
      '2020-03-11 02:00+01:00',
    ])
    expect(JSON.parse(forecast.text.stdout).first.date).toBe('2020-03-11 00:00+01:00')
  })
})
