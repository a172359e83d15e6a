import { parseArgs } from 'node:util'
import type { CliIo } from './index'
import { columnList } from './column-list'
import { dateLabel, forecastCsv, type FileClock } from './forecast-csv'
import { isRefusal, RefusedInput, integerFrom } from './train'
import { runPanelForecast } from './panel-forecast'
import { isPanelModelFolder } from '../services/models/panel/panel-model-folder'
import { writeFileAtomic } from '../services/storage/index'
import { loadForecastModel } from '../services/models/index'
import { loadZonedSeries } from '../services/models/load-series'
import {
  forecastAhead,
  targetNames,
  type FutureForecast,
  type PipelineState,
} from '../../worker/pipeline/index'

const USAGE =
  'usage: lstm-studio forecast MODEL_DIR DATA.csv --horizon H --out forecast.csv [--target COL[,COL…]]\n' +
  '  MODEL_DIR: a model folder, or an ONNX / TensorFlow.js export of one\n' +
  "  --target: the columns to read for the model's targets, in its order (default: the ones it was trained on)\n"

/** The columns to read: the model's own targets, or those --target names in their place. */
function targetColumns(state: PipelineState, given: string[]): string[] {
  const trained = targetNames(state)
  if (given.length === 0) return trained
  if (given.length !== trained.length)
    throw new RefusedInput(
      `this model forecasts ${trained.length} target(s) (${trained.join(', ')}); --target names ${given.length}`,
    )
  return given
}

/** Step k of every target, by column. */
function stepOf(forecast: FutureForecast, clock: FileClock, columns: string[], k: number) {
  return {
    date: dateLabel(forecast, clock, k),
    forecast: Object.fromEntries(forecast.targets.map((target, t) => [columns[t], target.mean[k]])),
  }
}

const optionalHorizon = (value: string | undefined) => integerFrom(value, '--horizon', 1)

export async function runForecast(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        horizon: { type: 'string' },
        out: { type: 'string' },
        target: { type: 'string', multiple: true },
      },
    })
  } catch (error) {
    io.stderr.write(`lstm-studio forecast: ${(error as Error).message}\n${USAGE}`)
    return 1
  }
  const { values, positionals } = parsed
  if (positionals.length !== 2 || !values.out) {
    io.stderr.write(USAGE)
    return 1
  }
  try {
    if (await isPanelModelFolder(positionals[0]))
      return await runPanelForecast(
        positionals[0],
        positionals[1],
        optionalHorizon(values.horizon),
        values.out,
        io,
      )
    const loaded = await loadForecastModel(positionals[0])
    const horizon = values.horizon === undefined ? loaded.model.state.config.horizon : Number(values.horizon)
    if (!Number.isInteger(horizon) || horizon < 1)
      throw new RefusedInput(`--horizon must be a positive integer, got "${values.horizon}"`)
    const state = loaded.model.state
    if (state.futureNames.length > 0)
      throw new RefusedInput(
        `this model needs future values of ${state.futureNames.join(', ')}; forecast it from the app`,
      )
    const columns = targetColumns(state, columnList(values.target))
    const { series, utcOffsetMinutes } = await loadZonedSeries(positionals[1], {
      targets: columns,
      pastCovariates: state.pastNames,
      period: state.period,
    })
    const forecast = await forecastAhead(loaded.model, series, { horizon, network: loaded.network })
    const clock = { frequency: series.frequency ?? loaded.model.frequency, utcOffsetMinutes }
    await writeFileAtomic(values.out, forecastCsv(forecast, columns, clock))
    io.stderr.write(`Forecast of ${horizon} steps written to ${values.out}\n`)
    const summary = {
      status: 'ok',
      out: values.out,
      horizon,
      targets: columns,
      first: stepOf(forecast, clock, columns, 0),
      last: stepOf(forecast, clock, columns, horizon - 1),
    }
    io.stdout.write(`${JSON.stringify(summary)}\n`)
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    io.stderr.write(`lstm-studio forecast: ${(error as Error).message}\n`)
    return 2
  }
}
