/**
 * Panel benchmark: the global model with the default (Auto) settings on a competition panel,
 * scored with the M competitions' measures beside Naive2, seasonal naive, Theta and the
 * published reference methods.
 *   npm run bench -- panel --train PATH --test PATH --period M [--season S] [--seeds 1,2]
 *     [--workers N] [--references README.md] [--naive2 SMAPE,MASE] [--overrides '{"ensemble":3}']
 * --period is the competition's m for MASE, Naive2 and Theta (M4 weekly: 1); --season the
 * calendar's season that Auto reads (default: from the dates). --naive2 gives the published
 * Naive2 figures, so that OWA is relative to them as in the competition's own tables (our Naive2
 * is also printed). One JSON line per seed, then the reference rows.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { progressPrinter } from '../../electron/cli/train'
import { defaultWorkerCount } from '../../electron/services/app/app-info'
import { readPanelCsv } from '../../electron/services/data/panel/read-panel'
import { panelOnPool } from '../../electron/services/runs/panel-pool-run'
import { sourceWorkerFiles } from '../../electron/source-worker-files'
import { evaluatePanel } from '../../worker/panel/panel-evaluation'
import { overallWeightedAverage } from '../../worker/statistics/panel-metrics'
import { seasonalPeriod } from '../../worker/timeseries/calendar'

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`)
  if (at >= 0) return args[at + 1]
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
}

const round = (value: number, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null)

/** Reference rows (`| method | sMAPE | MASE | OWA |`) of the README table whose caption line (ending in a colon) starts with the panel's name. */
function referenceRows(
  readme: string,
  panelName: string,
): { method: string; smape: number; mase: number; owa: number }[] {
  const lines = readme.split(/\r?\n/)
  const start = lines.findIndex(
    (l) =>
      !l.startsWith('|') &&
      // The table's own caption starts with the panel's name and ends in a colon; prose mentioning it does not count.
      l.toLowerCase().startsWith(panelName.toLowerCase()) &&
      l.trim().endsWith(':') &&
      /scores|published|computed/i.test(l),
  )
  if (start < 0) return []
  const rows = []
  let i = start + 1
  while (i < lines.length && !lines[i].startsWith('|')) i++
  for (; i < lines.length && lines[i].startsWith('|'); i++) {
    const cells = lines[i]
      .split('|')
      .map((c) => c.trim())
      .filter((c) => c !== '')
    const [method, smape, mase, owa] = cells
    if (cells.length === 4 && Number.isFinite(Number(smape)))
      rows.push({ method, smape: Number(smape), mase: Number(mase), owa: Number(owa) })
  }
  return rows
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const trainPath = option(args, 'train')
  const testPath = option(args, 'test')
  if (!trainPath || !testPath)
    throw new Error('usage: npm run bench -- panel --train PATH --test PATH --period M')
  const period = Number(option(args, 'period') ?? '1')
  const seeds = (option(args, 'seeds') ?? '1').split(',').map(Number)
  const threads = Number(option(args, 'workers') ?? defaultWorkerCount())
  const overrides = option(args, 'overrides') ? JSON.parse(option(args, 'overrides')!) : {}
  const published = option(args, 'naive2')?.split(',').map(Number)
  const panelName = basename(trainPath)
    .replace(/_train.*$/, '')
    .replace(/_/g, ' ')

  const train = await readPanelCsv(trainPath)
  const test = await readPanelCsv(testPath)
  const actualByKey = new Map(test.series.map((s) => [s.key.join('/'), Float64Array.from(s.values)]))
  const actual = train.series.map((s) => {
    const y = actualByKey.get(s.key.join('/'))
    if (!y) throw new Error(`series ${s.key.join('/')} has no test part in ${testPath}`)
    return y
  })
  const horizon = Math.max(...actual.map((y) => y.length))
  const season = Number(
    option(args, 'season') ?? (train.frequency ? seasonalPeriod(train.frequency) : period),
  )
  process.stderr.write(
    `${panelName}: ${train.series.length} series, h=${horizon}, m=${period}, season=${season}, ${threads} pool threads\n`,
  )
  for (const seed of seeds) {
    const started = Date.now()
    const run = await panelOnPool(
      { keyNames: train.keyNames, series: train.series, period, season },
      {
        horizon,
        seed,
        overrides,
      },
      {
        workers: sourceWorkerFiles(),
        threads,
        events: progressPrinter({ stdout: process.stderr, stderr: process.stderr }),
      },
    )
    const wall = (Date.now() - started) / 1000
    const evaluation = evaluatePanel(
      run.cleaned.map((c) => c.values),
      actual,
      run.forecasts,
      period,
      run.companions,
    )
    const networkOnly = evaluatePanel(
      run.cleaned.map((c) => c.values),
      actual,
      run.networkForecasts,
      period,
      run.companions,
    )
    // Share of test actuals inside each band, pooled over every series and step.
    const coverage = (level: number) => {
      let inside = 0
      let count = 0
      actual.forEach((y, s) => {
        const band = run.intervals[s].find((i) => i.level === level)!
        y.forEach((v, k) => {
          count++
          if (v >= band.lower[k] && v <= band.upper[k]) inside++
        })
      })
      return inside / count
    }
    const windows = run.model.members.reduce((sum, m) => sum + m.epochsRun * run.model.windowsPerMember, 0)
    const vsPublished = published
      ? overallWeightedAverage(evaluation.network, { smape: published[0], mase: published[1] })
      : null
    const line = {
      bench: 'panel',
      panel: panelName,
      seed,
      series: actual.length,
      smape: round(evaluation.network.smape),
      mase: round(evaluation.network.mase),
      owa: round(vsPublished ?? evaluation.network.owa),
      owaVsOurNaive2: round(evaluation.network.owa),
      combination: run.combination.weights,
      validationOwa: run.combination.validationOwa
        .map(({ weights: w, owa }) => `${w.network}/${w.ets}/${w.theta}:${owa.toFixed(3)}`)
        .join(' '),
      networkAlone: {
        smape: round(networkOnly.network.smape),
        mase: round(networkOnly.network.mase),
        owa: round(
          published
            ? overallWeightedAverage(networkOnly.network, { smape: published[0], mase: published[1] })
            : networkOnly.network.owa,
        ),
      },
      theta: {
        smape: round(evaluation.baselines.theta.smape),
        mase: round(evaluation.baselines.theta.mase),
        owa: round(evaluation.baselines.theta.owa),
      },
      ets: {
        smape: round(evaluation.baselines.ets.smape),
        mase: round(evaluation.baselines.ets.mase),
        owa: round(evaluation.baselines.ets.owa),
      },
      naive2: {
        smape: round(evaluation.baselines.naive2.smape),
        mase: round(evaluation.baselines.naive2.mase),
      },
      seasonalNaive: {
        smape: round(evaluation.baselines.seasonalNaive.smape),
        mase: round(evaluation.baselines.seasonalNaive.mase),
      },
      coverage80: round(coverage(80)),
      coverage95: round(coverage(95)),
      trainSeconds: round(run.trainSeconds, 1),
      wallSeconds: round(wall, 1),
      windowsPerSec: Math.round(windows / run.trainSeconds),
      epochs: run.model.members.map((m) => `${m.epochsRun}(best ${m.bestEpoch + 1})`).join('/'),
      fallbackSeries: run.fallback.length,
      untrainedSeries: run.untrained,
      config: {
        lookback: run.config.lookback,
        minObserved: run.config.minObserved,
        scaling: run.config.scaling,
        layers: run.config.layers.map((l) => `${l.cell}${l.units}`).join('-'),
        ensemble: run.config.ensemble,
        windowsPerEpoch: run.config.windowsPerEpoch,
      },
    }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  }
  const readme = option(args, 'references')
  if (readme)
    for (const row of referenceRows(readFileSync(readme, 'utf8'), panelName))
      process.stdout.write(
        `${JSON.stringify({ bench: 'panel', panel: panelName, reference: row.method, smape: row.smape, mase: row.mase, owa: row.owa })}\n`,
      )
}

main().catch((error: unknown) => {
  process.stderr.write(`panel bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
