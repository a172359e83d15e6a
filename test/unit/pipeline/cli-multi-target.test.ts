import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runExport } from '../../../electron/cli/export'
import { runForecast } from '../../../electron/cli/forecast'
import { runTrain } from '../../../electron/cli/train'
import { seasonalSeries } from './helpers'
import { captureIo, TINY_CLI_CONFIG } from '../helpers/cli-io'

/** Monthly sales and visits from 2000: two related seasonal columns. */
function twoColumnCsv(): string {
  const sales = seasonalSeries(120, 3)
  const rows = sales.map((value, i) => {
    const date = new Date(Date.UTC(2000 + Math.floor(i / 12), i % 12, 1)).toISOString().slice(0, 10)
    return `${date},${value.toFixed(3)},${(1000 - 2 * value).toFixed(3)}`
  })
  return `date,sales,visits\n${rows.join('\n')}\n`
}

describe('CLI with two targets', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  async function workspace() {
    const dir = await mkdtemp(join(tmpdir(), 'lstm-cli-targets-'))
    dirs.push(dir)
    await writeFile(join(dir, 'data.csv'), twoColumnCsv())
    await writeFile(join(dir, 'config.json'), JSON.stringify(TINY_CLI_CONFIG))
    return dir
  }

  it('trains one network on --target sales --target visits and forecasts both in long form', async () => {
    const dir = await workspace()
    const train = captureIo()
    const args = [join(dir, 'data.csv'), '--target', 'sales', '--target', 'visits']
    const status = await runTrain(
      [...args, '--config', join(dir, 'config.json'), '--out', join(dir, 'm')],
      train.io,
    )
    expect(status, train.text.stderr).toBe(0)
    const manifest = JSON.parse(await readFile(join(dir, 'm', 'model.json'), 'utf8'))
    expect(manifest.features).toEqual(['target.sales', 'target.visits'])
    expect(manifest.engine.spec.outputSize).toBe(12)
    const out = join(dir, 'f.csv')
    const forecast = captureIo()
    expect(
      await runForecast([join(dir, 'm'), join(dir, 'data.csv'), '--out', out], forecast.io),
      forecast.text.stderr,
    ).toBe(0)
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    expect(lines[0]).toBe('date,target,forecast,lower80,upper80,lower95,upper95')
    expect(lines).toHaveLength(13)
    expect(lines[1].startsWith('2010-01,sales,')).toBe(true)
    expect(lines[7].startsWith('2010-01,visits,')).toBe(true)
    const visits = Number(lines[7].split(',')[2])
    expect(visits).toBeGreaterThan(700)
    const summary = JSON.parse(forecast.text.stdout)
    expect(summary.targets).toEqual(['sales', 'visits'])
    // The CSV keeps 6 significant digits of what the summary gives in full.
    expect(Math.abs(summary.first.forecast.visits - visits)).toBeLessThanOrEqual(visits * 1e-5)
    const metrics = JSON.parse(train.text.stdout).metrics.targets
    expect(metrics.map((target: { name: string }) => target.name)).toEqual(['sales', 'visits'])
    for (const target of metrics) expect(target.test.mase).toBeGreaterThan(0)

    // The export's card gives every target its scores, its transform and its intervals.
    const exported = captureIo()
    expect(
      await runExport([join(dir, 'm'), '--format', 'onnx', '--out', join(dir, 'onnx')], exported.io),
    ).toBe(0)
    const card = await readFile(join(dir, 'onnx', 'README.md'), 'utf8')
    expect(card).toMatch(/^# sales, visits forecaster/)
    for (const name of ['sales', 'visits']) {
      expect(card).toContain(`Target \`${name}\`:\n\n| forecaster | MAE`)
      expect(card).toMatch(new RegExp(`Target \`${name}\`: g_t = y_t; z_t = \\(d_t − `))
      expect(card).toContain(`Prediction intervals of \`${name}\``)
    }
  })

  it('accepts --target A,B and refuses a target listed twice or also a covariate', async () => {
    const dir = await workspace()
    const data = join(dir, 'data.csv')
    const config = ['--config', join(dir, 'config.json'), '--out', join(dir, 'm')]
    const twice = captureIo()
    expect(await runTrain([data, '--target', 'sales,sales', ...config], twice.io)).toBe(2)
    expect(twice.text.stderr).toMatch(/lists a column twice/)
    const both = captureIo()
    expect(
      await runTrain([data, '--target', 'sales,visits', '--past-covariates', 'visits', ...config], both.io),
    ).toBe(2)
    expect(both.text.stderr).toMatch(/"visits" cannot be both a target and a covariate/)
  })
})
