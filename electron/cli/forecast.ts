import { parseArgs } from 'node:util'
import type { CliIo } from './index'
import { isRefusal, RefusedInput } from './train'
import { writeFileAtomic } from '../services/storage/index'
import { loadForecastModel, loadSeries } from '../services/models/index'
import { forecastAhead, type FutureForecast } from '../../worker/pipeline/index'
import { targetsForecastCsv } from './targets-csv'

const USAGE =
  'usage: lstm-studio forecast MODEL_DIR DATA.csv --horizon H --out forecast.csv [--target COL]\n' +
  '  MODEL_DIR: a model folder, or an ONNX / TensorFlow.js export of one\n'

/** ISO date for midnight timestamps, full ISO time otherwise; the step number without timestamps. */
function dateLabel(forecast: FutureForecast, k: number): string {
  if (!forecast.timestamps) return String(k + 1)
  const iso = new Date(forecast.timestamps[k]).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}

function number(value: number): string {
  return Number.isFinite(value) ? String(value) : ''
}

export function forecastCsv(forecast: FutureForecast): string {
  const band = (level: number) => forecast.intervals.find((interval) => interval.level === level)
  const lines = ['date,forecast,lower80,upper80,lower95,upper95']
  for (let k = 0; k < forecast.mean.length; k++) {
    const cells = [80, 95].flatMap((level) => [
      number(band(level)?.lower[k] ?? NaN),
      number(band(level)?.upper[k] ?? NaN),
    ])
    lines.push([dateLabel(forecast, k), number(forecast.mean[k]), ...cells].join(','))
  }
  return `${lines.join('\n')}\n`
}

export async function runForecast(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { horizon: { type: 'string' }, out: { type: 'string' }, target: { type: 'string' } },
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
    const loaded = await loadForecastModel(positionals[0])
    const horizon = values.horizon === undefined ? loaded.model.state.config.horizon : Number(values.horizon)
    if (!Number.isInteger(horizon) || horizon < 1)
      throw new RefusedInput(`--horizon must be a positive integer, got "${values.horizon}"`)
    const state = loaded.model.state
    if (state.futureNames.length > 0)
      throw new RefusedInput(
        `this model needs future values of ${state.futureNames.join(', ')}; forecast it from the app`,
      )
    const target = values.target ?? loaded.targetName ?? 'value'
    const series = await loadSeries(positionals[1], {
      target,
      extraTargets: (state.extraTargets ?? []).map((extra) => extra.name),
      pastCovariates: state.pastNames,
      period: state.period,
    })
    const forecast = await forecastAhead(loaded.model, series, { horizon, network: loaded.network })
    await writeFileAtomic(
      values.out,
      forecast.targets ? targetsForecastCsv(forecast, target) : forecastCsv(forecast),
    )
    io.stderr.write(`Forecast of ${horizon} steps written to ${values.out}\n`)
    const summary = {
      status: 'ok',
      out: values.out,
      horizon,
      target,
      first: { date: dateLabel(forecast, 0), forecast: forecast.mean[0] },
      last: { date: dateLabel(forecast, horizon - 1), forecast: forecast.mean[horizon - 1] },
    }
    io.stdout.write(`${JSON.stringify(summary)}\n`)
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    io.stderr.write(`lstm-studio forecast: ${(error as Error).message}\n`)
    return 2
  }
}
