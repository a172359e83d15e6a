import type { FutureForecast } from '../../worker/pipeline/index'
import { forecastCsv } from './forecast'

/** A CSV cell: quoted when the name holds a delimiter, a quote or a line break. */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Several targets in long form, `date,target,forecast,lower80,upper80,lower95,upper95`: the
 * single-target rows of each target with its name after the date, primary first.
 */
export function targetsForecastCsv(forecast: FutureForecast, primary: string): string {
  const rows = (forecast.targets ?? []).flatMap((target) => {
    const single = forecastCsv({ ...forecast, mean: target.mean, intervals: target.intervals })
    return single
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => {
        const comma = line.indexOf(',')
        return `${line.slice(0, comma)},${cell(target.name ?? primary)}${line.slice(comma)}`
      })
  })
  return `${['date,target,forecast,lower80,upper80,lower95,upper95', ...rows].join('\n')}\n`
}
