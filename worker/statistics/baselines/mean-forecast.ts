import { studentTQuantile } from '../stats/student-t'
import { DEFAULT_LEVELS, type Forecast } from '../types'

/**
 * The historical mean (R's meanf): ŷ = ȳ with the textbook interval
 * ȳ ± t_{n−1} · s · sqrt(1 + 1/n), s the sample standard deviation.
 */
export function meanForecast(
  y: ArrayLike<number>,
  h: number,
  levels: readonly number[] = DEFAULT_LEVELS,
): Forecast {
  const n = y.length
  if (n < 2) throw new RangeError(`meanForecast: needs at least 2 observations, got ${n}`)
  let sum = 0
  for (let i = 0; i < n; i++) sum += y[i]
  const average = sum / n
  let ss = 0
  for (let i = 0; i < n; i++) ss += (y[i] - average) ** 2
  const halfWidthPerT = Math.sqrt(ss / (n - 1)) * Math.sqrt(1 + 1 / n)
  const mean = new Float64Array(h).fill(average)
  const intervals = levels.map((level) => {
    const t = studentTQuantile(0.5 + level / 200, n - 1)
    return {
      level,
      lower: new Float64Array(h).fill(average - t * halfWidthPerT),
      upper: new Float64Array(h).fill(average + t * halfWidthPerT),
    }
  })
  return { mean, intervals, method: 'Mean' }
}
