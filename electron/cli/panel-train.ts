import type { CliIo } from './index'
import { RefusedInput } from './train'
import { readPanelCsv } from '../services/data/panel/read-panel'
import type { PanelDataset } from '../services/data/panel/panel-types'
import { savePanelModel } from '../services/models/panel/panel-model-folder'
import { panelOnPool } from '../services/runs/panel-pool-run'
import type { PoolRunOptions } from '../services/runs/pool-run'
import { evaluatePanel } from '../../worker/panel/panel-evaluation'
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
  seed?: number
  threads: number
  period?: number
  overrides: Partial<PanelConfig>
}

/** The protocol horizon of the competitions: 8 quarters, 13 weeks, 18 months, 14 days… */
function defaultHorizon(season: number): number {
  if (season === 4) return 8
  if (season === 52) return 13
  if (season === 12) return 18
  if (season === 7) return 14
  if (season === 24) return 48
  return 6
}

function holdOut(panel: PanelInput, test: number): { train: PanelInput; actual: Float64Array[] } {
  const series = panel.series.map((s) => ({
    ...s,
    values: Float64Array.from(s.values).subarray(0, Math.max(0, s.values.length - test)),
  }))
  return {
    train: { ...panel, series },
    actual: panel.series.map((s) =>
      Float64Array.from(s.values).subarray(Math.max(0, s.values.length - test)),
    ),
  }
}

function panelInput(dataset: PanelDataset, period: number | undefined): PanelInput {
  const season = dataset.frequency ? seasonalPeriod(dataset.frequency) : 1
  return { keyNames: dataset.keyNames, series: dataset.series, period: period ?? season, season }
}

export async function runPanelTrain(
  args: PanelTrainArgs,
  io: CliIo,
  pool: Omit<PoolRunOptions, 'threads'>,
): Promise<number> {
  io.stderr.write(`Reading ${args.file} as a panel…\n`)
  const dataset = await readPanelCsv(args.file, { form: 'long', ids: args.ids, target: args.target })
  for (const warning of dataset.warnings) io.stderr.write(`note: ${warning}\n`)
  const panel = panelInput(dataset, args.period)
  const horizon = args.horizon ?? defaultHorizon(panel.season ?? 1)
  const test = args.test ?? horizon
  if (test > 0 && test !== horizon)
    throw new RefusedInput(`--test must be 0 or the horizon (${horizon}) for a panel, got ${test}`)
  const run = { horizon, seed: args.seed, overrides: args.overrides }
  const options = { ...pool, threads: args.threads }
  io.stderr.write(
    `${panel.series.length} series, horizon ${horizon}, period ${panel.period}; training on ${args.threads} thread(s)…\n`,
  )
  let scores: unknown = null
  if (test > 0) {
    const { train, actual } = holdOut(panel, test)
    const judged = await panelOnPool(train, run, options)
    const evaluation = evaluatePanel(
      judged.cleaned.map((c) => c.values),
      actual,
      judged.forecasts,
      panel.period,
    )
    scores = {
      network: evaluation.network,
      baselines: evaluation.baselines,
      fallbackSeries: judged.fallback.length,
    }
    io.stderr.write(
      `test part: sMAPE ${evaluation.network.smape.toFixed(3)}, MASE ${evaluation.network.mase.toFixed(3)}, OWA ${evaluation.network.owa.toFixed(3)} (Theta ${evaluation.baselines.theta.owa.toFixed(3)})\n`,
    )
  }
  const final = await panelOnPool(panel, run, options)
  const summary = {
    series: panel.series.length,
    horizon,
    test: scores,
    blend: final.blend,
    fallbackSeries: final.fallback.map((i) => panel.series[i].key.join('/')),
    untrainedSeries: final.untrained,
    epochs: final.model.members.map((m) => m.epochsRun),
    bestEpochs: final.model.members.map((m) => m.bestEpoch + 1),
    trainSeconds: final.trainSeconds,
  }
  await savePanelModel(args.out, {
    info: {
      format: 'lstm-studio-panel-model',
      version: 1,
      config: final.config,
      keyNames: dataset.keyNames,
      target: dataset.valueNames[0],
      period: panel.period,
      season: panel.season ?? panel.period,
      frequency: dataset.frequency,
      members: final.model.members.length,
      networkWeight: final.blend.networkWeight,
      intervals: {
        levels: final.calibration.levels,
        halfWidths: Object.fromEntries(
          // JSON has no Infinity: an unbounded band (too few series to calibrate it) is saved as null.
          final.calibration.levels.map((l) => [
            l,
            Array.from(final.calibration.halfWidths[l], (v) => (Number.isFinite(v) ? v : null)),
          ]),
        ),
      },
      summary,
    },
    params: final.model.params,
  })
  io.stderr.write(`Panel model written to ${args.out}\n`)
  io.stdout.write(
    `${JSON.stringify({ status: 'ok', out: args.out, panel: true, config: final.config, ...summary })}\n`,
  )
  return 0
}
