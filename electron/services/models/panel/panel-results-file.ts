import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PanelBand, PanelResults, PanelSeriesRow } from '../../../api/requests/panel-results'
import type { PanelInput } from '../../../../worker/panel/types'
import type { PredictionInterval } from '../../../../worker/statistics/types'
import type { Frequency } from '../../../../worker/timeseries/frequency'
import { missingCount } from '../../data/panel/panel-shape'
import { panelBacktestView } from '../../runs/panel-backtest-view'
import type { PanelTraining } from '../../runs/panel-training'
import { bestBaseline, intervalCoverage, panelMethodScores } from '../../runs/panel-series-scores'
import { CodedError, writeJsonAtomic } from '../../storage/index'

/**
 * `panel-results.json` beside a panel model: what the Panel screen shows (scores per series and
 * for the panel, the forecast ahead and its bands, the held-out forecast), computed once when
 * the model is saved so the screen never trains or scores anything again.
 */

export const PANEL_RESULTS_FILE = 'panel-results.json'
/** Points of history a sparkline draws. */
const SPARK_POINTS = 40

export interface PanelSeriesResult extends PanelSeriesRow {
  /** Epoch ms of the series' last observed point (null without dates). */
  lastTimestamp: number | null
  forecast: number[]
  intervals: PanelBand[]
  testForecast: number[] | null
}

export interface PanelResultsFile extends Omit<PanelResults, 'series'> {
  version: 1
  frequency: Frequency | null
  series: PanelSeriesResult[]
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)

function bands(intervals: PredictionInterval[] | undefined): PanelBand[] {
  return (intervals ?? []).map((band) => ({
    level: band.level,
    lower: Array.from(band.lower, finiteOrNull),
    upper: Array.from(band.upper, finiteOrNull),
  }))
}

export function panelResultsOf(
  modelId: string,
  datasetId: string,
  input: PanelInput,
  frequency: Frequency | null,
  training: PanelTraining,
): PanelResultsFile {
  const { judged, final } = training
  const baselines = judged ? judged.evaluation.baselineSeries : input.series.map(() => null)
  const series = input.series.map((s, index): PanelSeriesResult => {
    const network = judged?.evaluation.series[index]
    const baseline = baselines[index]
    const best = baseline ? bestBaseline(baseline) : null
    const cleaned = final.cleaned[index]
    const lastIndex = cleaned.start + cleaned.values.length - 1
    const stamps = s.timestamps
    return {
      index,
      key: s.key,
      length: s.values.length,
      missing: missingCount(s.values),
      smape: network ? finiteOrNull(network.smape) : null,
      mase: network?.mase ?? null,
      bestBaseline: best,
      baselineSmape: baseline && best ? finiteOrNull(baseline[best].smape) : null,
      baselineMase: baseline && best ? baseline[best].mase : null,
      spark: Array.from(Array.prototype.slice.call(s.values, -SPARK_POINTS) as number[], finiteOrNull),
      lastTimestamp: stamps && lastIndex >= 0 ? stamps[lastIndex] : null,
      forecast: Array.from(final.forecasts[index]),
      intervals: bands(final.intervals[index]),
      testForecast: judged
        ? Array.from(judged.result.forecasts[index].subarray(0, judged.actual[index].length))
        : null,
    }
  })
  return {
    version: 1,
    modelId,
    datasetId,
    keyNames: input.keyNames,
    horizon: final.config.horizon,
    frequency,
    scores: judged ? panelMethodScores(judged.evaluation) : null,
    coverage: judged
      ? {
          80: intervalCoverage(judged.actual, judged.result.intervals, 80),
          95: intervalCoverage(judged.actual, judged.result.intervals, 95),
        }
      : null,
    fallbackSeries: final.fallback.length,
    networkWeight: final.combination.weights.network,
    combination: final.combination.weights,
    backtest: training.backtest ? panelBacktestView(training.backtest) : null,
    series,
  }
}

export async function writePanelResults(dir: string, results: PanelResultsFile): Promise<void> {
  await writeJsonAtomic(join(dir, PANEL_RESULTS_FILE), results)
}

export async function readPanelResults(dir: string, modelId: string): Promise<PanelResultsFile> {
  let text: string
  try {
    text = await readFile(join(dir, PANEL_RESULTS_FILE), 'utf8')
  } catch {
    throw new CodedError('NOT_A_PANEL_MODEL', `Model ${modelId} is not a panel model of this project`)
  }
  const results = JSON.parse(text) as PanelResultsFile
  if (results.version !== 1)
    throw new CodedError('MODEL_CORRUPT', `${join(dir, PANEL_RESULTS_FILE)} has an unknown version`)
  // Models saved before backtests existed have no such field: they had none.
  return { ...results, backtest: results.backtest ?? null }
}
