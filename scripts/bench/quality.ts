/**
 * Forecast-quality benchmark: Auto on every univariate public series with the protocol of
 * resources/samples/README.md (last h points as test, MASE scaled by the in-sample seasonal
 * naive with R's frequency from baselines.csv). One JSON line per series, then a summary.
 *   npm run bench -- quality [SERIES ...] [--seeds=1,7,42] [--workers=N] [--overrides='{"epochs": 50}']
 * Held out: --sample-train=TRAIN.csv --sample-test=TEST.csv --period=M [--count=10] runs the same
 * Auto on series drawn from a competition panel instead (panel-sample.ts), its test part the
 * panel's horizon: series nobody tuned for. --sample-offset=K and --sample-below=N pick another
 * sample, or one of series shorter than N points (panel-sample.ts).
 * --modes=level,seasonalResidual restricts Auto's candidates (to measure what one candidate adds).
 * Intervals are judged by coverage and by the M4 competition's scaled interval score (MSIS, at 80
 * and 95 %), which coverage alone cannot replace: wider bands always cover more.
 * After each seed, a Markdown table of the same figures goes to stderr (for the closing notes).
 * Each series runs exactly as `lstm-studio train` runs it: the run thread, the training pool,
 * the final fit on all the data. Overrides apply to every series alike (for trying Auto rules),
 * never per series.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultWorkerCount } from '../../electron/services/app/app-info'
import { loadSeries } from '../../electron/services/models/load-series'
import { forecastOnPool } from '../../electron/services/runs/pool-run'
import { sourceWorkerFiles } from '../../electron/source-worker-files'
import type { SeriesInput, TargetMode } from '../../worker/pipeline/index'
import { panelSample } from './panel-sample'

const SAMPLES = join(__dirname, '../../resources/samples')
const UNIVARIATE = ['AirPassengers', 'UKDriverDeaths', 'wineind', 'JohnsonJohnson', 'Nile', 'taylor']

interface RBaseline {
  frequency: number
  mase: Record<string, number>
}

/** One series to forecast: its test part is the last `horizon` points (Auto's protocol when absent). */
interface BenchCase {
  name: string
  series: SeriesInput
  m: number
  horizon?: number
  /** R's scores on the same protocol (public series only). */
  reference?: RBaseline
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

function option(args: string[], name: string): string | undefined {
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
}

async function main(): Promise<void> {
  const baselines = readBaselines()
  const args = process.argv.slice(2)
  const overrideArg = option(args, 'overrides')
  const overrides = overrideArg ? JSON.parse(overrideArg) : undefined
  const seeds = (option(args, 'seeds') ?? '7').split(',').map(Number)
  const threads = Number(option(args, 'workers') ?? defaultWorkerCount())
  const chosen = args.filter((arg) => !arg.startsWith('--'))
  const sampleTrain = option(args, 'sample-train')
  const cases = sampleTrain
    ? await sampledCases(sampleTrain, args)
    : await publicCases(chosen.length > 0 ? chosen : UNIVARIATE, baselines)
  const modesArg = option(args, 'modes')
  const modes = modesArg ? (modesArg.split(',') as TargetMode[]) : undefined
  for (const seed of seeds) await benchSeed(cases, seed, threads, { overrides, modes })
}

async function publicCases(names: string[], baselines: Map<string, RBaseline>): Promise<BenchCase[]> {
  return Promise.all(
    names.map(async (name) => {
      const reference = baselines.get(name)
      if (!reference) throw new Error(`${name} is not in baselines.csv`)
      const m = reference.frequency
      const series = await loadSeries(join(SAMPLES, `${name}.csv`), { targets: ['value'], period: m })
      return { name, series, m, reference }
    }),
  )
}

async function sampledCases(train: string, args: string[]): Promise<BenchCase[]> {
  const test = option(args, 'sample-test')
  const period = option(args, 'period')
  if (!test || !period) throw new Error('--sample-train needs --sample-test=PATH and --period=M')
  const m = Number(period)
  const count = Number(option(args, 'count') ?? 10)
  const offset = Number(option(args, 'sample-offset') ?? 0)
  const below = Number(option(args, 'sample-below') ?? Infinity)
  const sample = await panelSample(train, test, m, count, offset, below)
  return sample.map(({ name, series, horizon }) => ({ name, series, m, horizon }))
}

async function benchSeed(
  cases: BenchCase[],
  seed: number,
  threads: number,
  plan: { overrides?: Record<string, unknown>; modes?: TargetMode[] },
): Promise<void> {
  const rows: TableRow[] = []
  const mases: number[] = []
  /** Seasonal naive's, ETS's and Theta's MASE on the same test parts, for the means beside ours. */
  const baselineMases: number[][] = [[], [], []]
  const coverage: number[][] = [[], []]
  const intervalScores: number[][] = [[], []]
  let seasonal = 0
  let beatSnaive = 0
  for (const { name, series, m, horizon, reference } of cases) {
    const started = Date.now()
    const run = await forecastOnPool(
      series,
      { preset: 'auto', seed, ...plan, ...(horizon === undefined ? {} : { horizon }) },
      { workers: sourceWorkerFiles(), threads, events: { publish: () => undefined } },
    )
    const test = run.targets[0]!.test!
    const mase = test.metrics.mase ?? NaN
    const snaiveMase = test.baselines.seasonalNaive.metrics?.mase ?? NaN
    mases.push(mase)
    coverage[0]!.push(test.metrics.coverage[80] ?? NaN)
    coverage[1]!.push(test.metrics.coverage[95] ?? NaN)
    // evaluateForecast scored each band (MSIS); a band it could not score (scale 0) counts as NaN.
    const scores = [80, 95].map((level) => test.metrics.intervalScore?.[level] ?? NaN)
    scores.forEach((score, i) => intervalScores[i]!.push(score))
    if (m > 1) {
      seasonal++
      if (mase < snaiveMase) beatSnaive++
    }
    const line = {
      bench: 'quality',
      seed,
      series: name,
      mase: round(mase),
      smape: round(test.metrics.smape),
      coverage80: round(test.metrics.coverage[80]),
      coverage95: round(test.metrics.coverage[95]),
      intervalScore80: round(scores[0]),
      intervalScore95: round(scores[1]),
      snaiveMase: round(snaiveMase),
      etsMase: round(test.baselines.ets.metrics?.mase),
      etsMaseR: round(reference?.mase.ets),
      arimaMaseR: round(reference?.mase['auto.arima']),
      chosen: run.chosen,
      residualWeight: run.config.targetMode !== 'level' ? run.config.residualWeight : null,
      weights: run.config.combination,
      thetaMase: round(test.baselines.theta?.metrics?.mase),
      candidates: run.candidates?.map((c) => ({
        mode: c.targetMode,
        val: round(c.validationScore),
        epochs: c.epochsRun,
        folds: c.folds,
      })),
      seconds: round((Date.now() - started) / 1000, 1),
    }
    process.stdout.write(`${JSON.stringify(line)}\n`)
    ;[line.snaiveMase, line.etsMase, line.thetaMase].forEach((value, i) =>
      baselineMases[i]!.push(value ?? NaN),
    )
    rows.push({
      series: name,
      mase: line.mase,
      smape: line.smape,
      coverage: [line.coverage80, line.coverage95],
      intervalScores: [line.intervalScore80, line.intervalScore95],
      chosen: describeChoice(run.chosen, run.config.combination),
      baselines: [line.snaiveMase, line.etsMase, line.thetaMase],
      seconds: line.seconds,
    })
  }
  process.stderr.write(markdownTable(seed, rows))
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
  const meanMase = mean(mases)
  const summary = {
    bench: 'quality',
    summary: true,
    seed,
    workers: threads,
    series: mases.length,
    meanMase: round(meanMase),
    baselinesMeanMase: {
      seasonalNaive: round(mean(baselineMases[0]!)),
      ets: round(mean(baselineMases[1]!)),
      theta: round(mean(baselineMases[2]!)),
    },
    seasonalBeatingSnaive: `${beatSnaive}/${seasonal}`,
    coverage80: round(mean(coverage[0]!)),
    coverage95: round(mean(coverage[1]!)),
    intervalScore80: round(mean(intervalScores[0]!)),
    intervalScore95: round(mean(intervalScores[1]!)),
    targets: { meanMase: 1.0, seasonalBeatingSnaive: 4 },
    met: meanMase <= 1.0 && beatSnaive >= Math.min(4, seasonal),
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
}

interface TableRow {
  series: string
  mase: number | null
  smape: number | null
  coverage: (number | null)[]
  /** Scaled interval scores (MSIS) at 80 and 95 %. */
  intervalScores: (number | null)[]
  chosen: string
  /** MASE of seasonal naive, ETS, Theta on the same test part. */
  baselines: (number | null)[]
  seconds: number | null
}

function describeChoice(
  mode: string | undefined,
  weights: { network: number; ets: number; theta: number } | undefined,
) {
  const share = (value: number) => `${Math.round(value * 100)} %`
  const mix =
    weights && weights.network < 1
      ? ` (net ${share(weights.network)}, ETS ${share(weights.ets)}, Theta ${share(weights.theta)})`
      : ''
  return `${mode ?? 'manual'}${mix}`
}

function markdownTable(seed: number, rows: TableRow[]): string {
  const cell = (value: number | null, digits = 3) => (value === null ? '—' : value.toFixed(digits))
  const lines = [
    `\nseed ${seed}\n`,
    '| series | MASE | sMAPE | cover 80 | cover 95 | MSIS 80 | MSIS 95 | chosen | snaive | ETS | Theta | s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.series} | ${cell(row.mase)} | ${cell(row.smape, 2)} | ${row.coverage.map((c) => cell(c, 2)).join(' | ')} | ` +
        `${row.intervalScores.map((score) => cell(score, 2)).join(' | ')} | ` +
        `${row.chosen} | ${row.baselines.map((b) => cell(b)).join(' | ')} | ${cell(row.seconds, 1)} |`,
    ),
  ]
  return `${lines.join('\n')}\n`
}

main().catch((error: unknown) => {
  process.stderr.write(`quality bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
