import { addSteps } from '../../../../worker/timeseries/calendar'
import type { Frequency } from '../../../../worker/timeseries/frequency'

/**
 * Puts one series' observations on its regular time grid: from its first to its last timestamp
 * in steps of the panel's frequency, NaN where no row exists. Two rows at the same time, or a
 * time off the grid, are refused with the series named (they would silently misalign windows).
 */

export interface GriddedSeries {
  timestamps: Float64Array
  values: Float64Array
  /** The other columns given, on the same grid. */
  others: Float64Array[]
  /** Grid points with no row. */
  gaps: number
}

/** Beyond this many grid points per observation the frequency is certainly wrong for the series. */
const MAX_GRID_GROWTH = 50

export function gridSeries(
  times: Float64Array,
  values: Float64Array,
  frequency: Frequency | null,
  describe: () => string,
  /** Further columns of the same rows (covariates), put on the grid alongside the values. */
  others: readonly Float64Array[] = [],
): GriddedSeries {
  const order = Array.from(times.keys()).sort((a, b) => times[a] - times[b])
  const sortedTimes = Float64Array.from(order, (i) => times[i])
  const sortedValues = Float64Array.from(order, (i) => values[i])
  const sortedOthers = others.map((column) => Float64Array.from(order, (i) => column[i]))
  for (let i = 1; i < sortedTimes.length; i++)
    if (sortedTimes[i] === sortedTimes[i - 1])
      throw new RangeError(
        `${describe()} has two rows for ${new Date(sortedTimes[i]).toISOString().slice(0, 10)}`,
      )
  if (!frequency || sortedTimes.length < 2)
    return { timestamps: sortedTimes, values: sortedValues, others: sortedOthers, gaps: 0 }
  const grid: number[] = [sortedTimes[0]]
  const last = sortedTimes[sortedTimes.length - 1]
  while (grid[grid.length - 1] < last) {
    grid.push(addSteps(sortedTimes[0], frequency, grid.length))
    if (grid.length > MAX_GRID_GROWTH * sortedTimes.length + 10)
      throw new RangeError(`${describe()} does not follow the panel's spacing`)
  }
  const position = new Map(grid.map((t, i) => [t, i]))
  const gridded = new Float64Array(grid.length).fill(NaN)
  const griddedOthers = others.map(() => new Float64Array(grid.length).fill(NaN))
  for (let i = 0; i < sortedTimes.length; i++) {
    const at = position.get(sortedTimes[i])
    if (at === undefined)
      throw new RangeError(
        `${describe()}: ${new Date(sortedTimes[i]).toISOString().slice(0, 10)} is off the panel's regular spacing`,
      )
    gridded[at] = sortedValues[i]
    sortedOthers.forEach((column, c) => (griddedOthers[c][at] = column[i]))
  }
  return {
    timestamps: Float64Array.from(grid),
    values: gridded,
    others: griddedOthers,
    gaps: grid.length - sortedTimes.length,
  }
}
