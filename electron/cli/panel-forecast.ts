import type { CliIo } from './index'
import { RefusedInput } from './train'
import { CsvImportError } from '../services/data/index'
import { readPanelCsv } from '../services/data/panel/read-panel'
import { panelForecastCsv } from '../services/forecasting/panel-forecast-csv'
import { loadPanelModel, savedCombination } from '../services/models/panel/panel-model-folder'
import { writeFileAtomic } from '../services/storage/index'
import { cleanSeries } from '../../worker/panel/clean-series'
import { panelSpec } from '../../worker/panel/global-model'
import { forecastPanel } from '../../worker/panel/panel-forecast'
import { seriesFeatures } from '../../worker/panel/panel-features'
import { MissingAttributeError } from '../../worker/panel/static-features'
import { MissingFutureError } from '../../worker/panel/future-features'
import { companionForecasts } from '../../worker/panel/companion-forecasts'
import { combineSeries } from '../../worker/panel/panel-combination'
import { panelIntervals } from '../../worker/panel/panel-intervals'

/**
 * `lstm-studio forecast PANEL_MODEL_DIR PANEL.csv --horizon H --out FORECAST.csv`: forecasts from
 * the end of every series of the file (the panel's or new ones) with the saved global network.
 */
export async function runPanelForecast(
  dir: string,
  file: string,
  horizon: number | undefined,
  out: string,
  io: CliIo,
): Promise<number> {
  try {
    return await forecastFromPanelModel(dir, file, horizon, out, io)
  } catch (error) {
    // The panel reader's refusals (a bad CSV) and a file without the model's attribute columns or
    // covariates ahead are refused input, like the one-series path's.
    if (
      !(error instanceof CsvImportError) &&
      !(error instanceof MissingAttributeError) &&
      !(error instanceof MissingFutureError)
    )
      throw error
    io.stderr.write(`lstm-studio forecast: ${error.message}\n`)
    return 2
  }
}

async function forecastFromPanelModel(
  dir: string,
  file: string,
  horizon: number | undefined,
  out: string,
  io: CliIo,
): Promise<number> {
  const { info, params } = await loadPanelModel(dir)
  const steps = horizon ?? info.config.horizon
  if (steps > info.config.horizon)
    throw new RefusedInput(
      `this panel model forecasts at most ${info.config.horizon} steps, asked for ${steps}`,
    )
  const dataset = await readPanelCsv(file, {
    form: 'long',
    ids: info.keyNames,
    target: info.target,
    covariates: info.inputs?.future?.map((f) => f.name),
  })
  const cleaned = dataset.series.map((s) => cleanSeries(s.values))
  // Static attributes and covariates are read from the file's own columns and encoded as in
  // training; covariates known ahead come from the file's rows after each series' last value.
  const features = info.inputs
    ? seriesFeatures(
        info.inputs,
        dataset.series,
        cleaned.map((c) => c.start),
        dataset.frequency ?? info.frequency,
      )
    : undefined
  const { forecasts, fallback } = await forecastPanel(
    { ...info.config, spec: panelSpec(info.config, info.inputs), params, inputs: info.inputs },
    cleaned.map((c) => c.values),
    info.period,
    features,
    (s) => dataset.series[s].key.join('/'),
  )
  // The saved model forecasts as it was judged: combined with ETS and Theta, each fitted on the
  // history it forecasts from, at validation's weights.
  const weights = savedCombination(info)
  const histories = cleaned.map((c) => c.values)
  const companions =
    weights.network === 1
      ? null
      : companionForecasts(histories, info.period, info.config.horizon, info.etsVariant ?? 'full')
  const blended = (i: number) =>
    companions === null || fallback.includes(i)
      ? forecasts[i]
      : combineSeries(forecasts[i], companions, i, weights)
  const calibration = {
    horizon: info.config.horizon,
    counts: [],
    levels: info.intervals.levels,
    halfWidths: Object.fromEntries(
      info.intervals.levels.map((l) => [
        l,
        Float64Array.from(info.intervals.halfWidths[l], (v) => v ?? Infinity),
      ]),
    ),
  }
  const csv = panelForecastCsv({
    keyNames: dataset.keyNames,
    frequency: dataset.frequency,
    series: dataset.series.map((s, i) => {
      const stamps = s.timestamps
      // The last observed point: trailing missing values were dropped by the cleaning.
      const lastIndex = cleaned[i].start + cleaned[i].values.length - 1
      const forecast = blended(i).subarray(0, steps)
      return {
        key: s.key,
        lastTimestamp: stamps && lastIndex >= 0 ? stamps[lastIndex] : null,
        forecast,
        intervals: panelIntervals(calibration, cleaned[i].values, forecast),
      }
    }),
  })
  await writeFileAtomic(out, csv)
  io.stderr.write(`Forecast of ${steps} steps for ${dataset.series.length} series written to ${out}\n`)
  const unbounded = unboundedLevels(calibration.halfWidths, steps)
  if (unbounded.length > 0)
    io.stderr.write(
      `The ${unbounded.map((level) => `${level} %`).join(' and ')} band is unbounded at some steps (its columns are empty there): ` +
        'validation had too few series to calibrate it.\n',
    )
  io.stdout.write(
    `${JSON.stringify({ status: 'ok', out, panel: true, horizon: steps, series: dataset.series.length, fallbackSeries: fallback.length, unboundedLevels: unbounded })}\n`,
  )
  return 0
}

/** The levels whose band is unbounded at one of the first `steps` steps. */
function unboundedLevels(halfWidths: Record<number, Float64Array>, steps: number): number[] {
  return Object.entries(halfWidths)
    .filter(([, widths]) => widths.subarray(0, steps).some((width) => !Number.isFinite(width)))
    .map(([level]) => Number(level))
}
