/**
 * Forecast-quality benchmark: Auto on every univariate public series with the protocol of
 * resources/samples/README.md (last h points as test, MASE scaled by the in-sample seasonal
 * naive with R's frequency from baselines.csv). One JSON line per series, then a summary.
 *   npx tsx scripts/bench/quality.ts [SERIES ...] [--overrides='{"epochs": 50}'] [--no-refit]
 * Overrides apply to every series alike (for trying Auto rules), never per series.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadSeries } from '../../electron/services/models/load-series'
import { runAuto } from '../../worker/pipeline/index'

const SAMPLES = join(__dirname, '../../resources/samples')
const UNIVARIATE = ['AirPassengers', 'UKDriverDeaths', 'wineind', 'JohnsonJohnson', 'Nile', 'taylor']

interface RBaseline {
  frequency: number
  mase: Record<string, number>
}

/** Splits one CSV line, honouring double-quoted fields (model names contain commas). */
function splitCsvLine(line: string): string[] {
  return (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((field) =>
    field.replace(/,$/, '').replace(/^"|"$/g, ''),
  )
}

function readBaselines(): Map<string, RBaseline> {
  const [header, ...rows] = readFileSync(join(SAMPLES, 'baselines.csv'), 'utf8').trim().split(/\r?\n/)
  const names = splitCsvLine(header)
  const col = (name: string) => names.indexOf(name)
  const table = new Map<string, RBaseline>()
  for (const row of rows) {
    const fields = splitCsvLine(row)
    const series = fields[col('series')]
    const entry = table.get(series) ?? { frequency: Number(fields[col('frequency')]), mase: {} }
    entry.mase[fields[col('method')]] = Number(fields[col('MASE')])
    table.set(series, entry)
  }
  return table
}

const round = (value: number | null | undefined, digits = 4) =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(digits))

async function main(): Promise<void> {
  const baselines = readBaselines()
  const args = process.argv.slice(2)
  const overrideArg = args.find((arg) => arg.startsWith('--overrides='))
  const overrides = overrideArg ? JSON.parse(overrideArg.slice('--overrides='.length)) : undefined
  const refit = !args.includes('--no-refit')
  const chosen = args.filter((arg) => !arg.startsWith('--'))
  const names = chosen.length > 0 ? chosen : UNIVARIATE
  const mases: number[] = []
  let seasonal = 0
  let beatSnaive = 0
  for (const name of names) {
    const reference = baselines.get(name)
    if (!reference) throw new Error(`${name} is not in baselines.csv`)
    const m = reference.frequency
    const series = await loadSeries(join(SAMPLES, `${name}.csv`), { targets: ['value'], period: m })
    const started = Date.now()
    const auto = await runAuto(series, {
      overrides,
      refit,
      onEpoch: (e) =>
        e.epoch % 10 === 0 && process.stderr.write(`${name} epoch ${e.epoch} val ${e.valLoss}\n`),
    })
    const test = auto.result.targets[0].test!
    const mase = test.metrics.mase ?? NaN
    const snaiveMase = test.baselines.seasonalNaive.metrics?.mase ?? NaN
    mases.push(mase)
    if (m > 1) {
      seasonal++
      if (mase < snaiveMase) beatSnaive++
    }
    const line = {
      bench: 'quality',
      series: name,
      mase: round(mase),
      smape: round(test.metrics.smape),
      coverage80: round(test.metrics.coverage[80]),
      coverage95: round(test.metrics.coverage[95]),
      snaiveMase: round(snaiveMase),
      etsMase: round(test.baselines.ets.metrics?.mase),
      etsMaseR: round(reference.mase.ets),
      arimaMaseR: round(reference.mase['auto.arima']),
      chosen: auto.chosen,
      residualWeight:
        auto.config.targetMode === 'seasonalResidual' ? auto.result.model.state.config.residualWeight : null,
      candidates: auto.candidates.map((c) => ({
        mode: c.targetMode,
        val: round(c.validationScore),
        epochs: c.epochsRun,
        folds: c.folds,
      })),
      seconds: round((Date.now() - started) / 1000, 1),
    }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  }
  const meanMase = mases.reduce((a, b) => a + b, 0) / mases.length
  const summary = {
    bench: 'quality',
    summary: true,
    series: mases.length,
    meanMase: round(meanMase),
    seasonalBeatingSnaive: `${beatSnaive}/${seasonal}`,
    targets: { meanMase: 1.1, seasonalBeatingSnaive: 4 },
    met: meanMase <= 1.1 && beatSnaive >= Math.min(4, seasonal),
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`quality bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
