import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { captureIo, TINY_CLI_CONFIG } from '../helpers/cli-io'

const SAMPLE = resolve(__dirname, '../../../resources/samples/AirPassengers.csv')

describe('CLI --config calendar features', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  async function workspace(config: object) {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-calendar-'))
    dirs.push(dir)
    await writeFile(join(dir, 'config.json'), JSON.stringify(config))
    return dir
  }

  it('trains with the month as a known-future input and forecasts past the end without being given it', async () => {
    const dir = await workspace({ ...TINY_CLI_CONFIG, calendar: ['month'] })
    const train = captureIo()
    const args = [SAMPLE, '--target', 'value', '--config', join(dir, 'config.json'), '--out', join(dir, 'm')]
    expect(await runTrain(args, train.io), train.text.stderr).toBe(0)
    const manifest = JSON.parse(await readFile(join(dir, 'm', 'model.json'), 'utf8'))
    expect(manifest.features).toEqual(['target.value', 'calendar.month_sin', 'calendar.month_cos'])
    const forecast = captureIo()
    const out = join(dir, 'f.csv')
    expect(await runForecast([join(dir, 'm'), SAMPLE, '--out', out], forecast.io), forecast.text.stderr).toBe(
      0,
    )
    expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(7)
  })

  it('refuses an unknown calendar feature with status 2 and a message naming it', async () => {
    const dir = await workspace({ ...TINY_CLI_CONFIG, calendar: ['week'] })
    const train = captureIo()
    const args = [SAMPLE, '--target', 'value', '--config', join(dir, 'config.json'), '--out', join(dir, 'm')]
    expect(await runTrain(args, train.io)).toBe(2)
    expect(train.text.stderr).toMatch(/calendar feature must be one of month, dayOfWeek, hour, got week/)
  })
})
