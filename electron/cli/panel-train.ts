import type { CliIo } from './index'
import { RefusedInput } from './train'
import { checkFutureInputs, checkStaticInputs } from '../services/data/panel/check-panel-inputs'
import { readPanelCsv } from '../services/data/panel/read-panel'
import type { PanelDataset } from '../services/data/panel/panel-types'
import { savePanelModel } from '../services/models/panel/panel-model-folder'
import { panelOnPool } from '../services/runs/panel-pool-run'
import type { PoolRunOptions } from '../services/runs/pool-run'
import { defaultPanelHorizon, trainPanelModel } from '../services/runs/panel-training'
import type { BacktestMean, BacktestOrigin } from '../../worker/panel/panel-backtest'
import type { PanelConfig, PanelInput } from '../../worker/panel/types'
import { seasonalPeriod } from '../../worker/timeseries/calendar'

/**
 * `lstm-studio train PANEL.csv --id ID [--id ID2] --target VALUE --out DIR`: one global network
 * for every series of the file. As for one series, the last `--test` points of each series
 * (default the horizon) are held out and scored against Naive2, seasonal naive and Theta, then
 * the network is trained again on every point; that one is saved and forecasts ahead.
 */

export interface PanelTrainArgs {
  file: string
  ids: string[]
  target?: string
  out: string
  horizon?: number
  test?: number
  /** Rolling-origin backtests before the test part (0 or absent: none). */
  backtestOrigins?: number
  seed?: number
  threads: number
  period?: number
  overrides: Partial<PanelConfig>
}

function panelInput(dataset: PanelDataset, period: number | undefined): PanelInput {
  const season = dataset.frequency ? seasonalPeriod(dataset.frequency) : 1
  return {
    keyNames: dataset.keyNames,
    series: dataset.series,
    period: period ?? season,
    season,
    frequency: dataset.frequency,
  }
}

export async function runPanelTrain(
  args: PanelTrainArgs,
  io: CliIo,
  pool: Omit<PoolRunOptions, 'threads'>,
): Promise<number> {
  io.stderr.write(`Reading ${args.file} as a panel…\n`)
  const dataset = await readPanelCsv(args.file, { form: 'long', ids: args.ids, target: args.target })
  for (const warning of dataset.warnings) io.stderr.write(`note: ${warning}\n`)
  checkStaticInputs(args.overrides.staticInputs ?? [], dataset.staticAttributes, dataset.varyingColumns)
  if (dataset.staticAttributes.length > 0)
    io.stderr.write(
      `static attributes: ${dataset.staticAttributes.map((a) => `${a.name} (${a.kind}, ${a.categories} values)`).join(', ')}\n`,
    )
  const panel = panelInput(dataset, args.period)
  const horizon = args.horizon ?? defaultPanelHorizon(panel.season ?? 1)
  checkFutureInputs(args.overrides.futureInputs ?? [], dataset.covariates, horizon)
  const test = args.test ?? horizon
  if (test > 0 && test !== horizon)
    throw new RefusedInput(`--test must be 0 or the horizon (${horizon}) for a panel, got ${test}`)
  const options = { ...pool, threads: args.threads }
  io.stderr.write(
    `${panel.series.length} series, horizon ${horizon}, period ${panel.period}; training on ${args.threads} thread(s)…\n`,
  )
  const backtestOrigins = args.backtestOrigins ?? 0
  const { final, model, summary, backtest } = await trainPanelModel(
    panel,
    { keyNames: dataset.keyNames, target: dataset.valueNames[0], frequency: dataset.frequency },
    { horizon, test, seed: args.seed, overrides: args.overrides, backtestOrigins },
    (input, run, stage) => panelOnPool(input, run, options, stage),
    {
      onJudged: ({ evaluation }) => {
        io.stderr.write(
          `test part: sMAPE ${evaluation.network.smape.toFixed(3)}, MASE ${evaluation.network.mase.toFixed(3)}, OWA ${evaluation.network.owa.toFixed(3)} (Theta ${evaluation.baselines.theta.owa.toFixed(3)})\n`,
        )
      },
      onBacktestOrigin: (origin) => printOrigin(io, origin),
    },
  )
  if (backtest?.mean) printMean(io, backtest.mean)
  await savePanelModel(args.out, model)
  io.stderr.write(`Panel model written to ${args.out}\n`)
  io.stdout.write(
    `${JSON.stringify({
      status: 'ok',
      out: args.out,
      panel: true,
      config: final.config,
      staticAttributes: dataset.staticAttributes,
      covariates: dataset.covariates,
      ...summary,
    })}\n`,
  )
  return 0
}

/** A backtest origin's network scores, or why it has none, on stderr as soon as it is done. */
function printOrigin(io: CliIo, origin: BacktestOrigin): void {
  const network = origin.scores?.network
  io.stderr.write(
    network
      ? `backtest origin ${origin.origin}: sMAPE ${network.smape.toFixed(3)}, OWA ${network.owa.toFixed(3)} on ${origin.series} series (${origin.tooShort} too short)\n`
      : `backtest ${origin.note ?? `origin ${origin.origin}: not scored`}\n`,
  )
}

function printMean(io: CliIo, mean: BacktestMean): void {
  const { network, theta } = mean.scores
  io.stderr.write(
    `backtest mean over ${mean.origins} origin(s): sMAPE ${network.smape.toFixed(3)}, OWA ${network.owa.toFixed(3)} (Theta ${theta.owa.toFixed(3)})\n`,
  )
}
