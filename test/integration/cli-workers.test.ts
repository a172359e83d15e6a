import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runForecast } from '../../electron/cli/forecast'
import { runTrain } from '../../electron/cli/train'
import { captureIo } from '../unit/helpers/cli-io'
import { testWorkerFiles } from '../unit/helpers/test-workers'

const SAMPLE = resolve(__dirname, '../../resources/samples/AirPassengers.csv')

describe('lstm-studio train on the pool', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  async function trainAndForecast(dir: string, workers: number) {
    const train = captureIo()
    const model = join(dir, `model-${workers}`)
    const args = [SAMPLE, '--target', 'value', '--config', join(dir, 'auto.json'), '--out', model]
    const status = await runTrain([...args, '--workers', String(workers)], {
      ...train.io,
      workers: testWorkerFiles,
    })
    expect(status, train.text.stderr).toBe(0)
    const forecast = captureIo()
    const out = join(dir, `forecast-${workers}.csv`)
    expect(await runForecast([model, SAMPLE, '--out', out], forecast.io), forecast.text.stderr).toBe(0)
    return {
      summary: JSON.parse(train.text.stdout),
      csv: await readFile(out, 'utf8'),
      log: train.text.stderr,
    }
  }

  it('gives the same Auto run, metrics and forecast on 1 and 2 workers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-workers-'))
    dirs.push(dir)
    // Auto's rules with short training, so the test takes seconds.
    await writeFile(
      join(dir, 'auto.json'),
      JSON.stringify({ layers: [{ cell: 'lstm', units: 6, dropout: 0 }], epochs: 3 }),
    )
    const one = await trainAndForecast(dir, 1)
    const two = await trainAndForecast(dir, 2)
    expect(one.log).toMatch(/Training on 1 thread…/)
    expect(two.log).toMatch(/Training on 2 threads…/)
    expect(two.summary.candidates).toEqual(one.summary.candidates)
    expect(two.summary.metrics).toEqual(one.summary.metrics)
    expect(two.csv).toBe(one.csv)
    expect(one.summary.finalFit.observations).toBe(144)
  }, 180_000)

  it('refuses a --workers that is not a positive whole number, naming it', async () => {
    const train = captureIo()
    const args = [SAMPLE, '--target', 'value', '--out', join(tmpdir(), 'never'), '--workers', '0']
    expect(await runTrain(args, train.io)).toBe(2)
    expect(train.text.stderr).toMatch(/--workers must be a whole number ≥ 1, got "0"/)
  })
})
