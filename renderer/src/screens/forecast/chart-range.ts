/**
 * Where the Forecast chart opens. On a long series (taylor: 4,032 half-hours) the whole history
 * squeezes the test forecast and the forecast ahead into a few pixels, so the chart opens on the
 * recent part: a few horizons of history before the test part, then everything after it. The
 * whole series stays a zoom out (or "Whole series") away.
 */

/** Horizons of history shown before the test part. */
export const RECENT_HORIZONS = 4
/** Never fewer points of history than this, so the recent part still shows the series' shape. */
export const MIN_RECENT_POINTS = 60
/** A series this long or shorter reads at once (AirPassengers' 144 months): it opens whole. */
export const SHORT_SERIES = 400
/** When the recent part would already show this share of the series, the chart opens on all of it. */
const WHOLE_SHARE = 0.75

/**
 * Index of the first history point in view when the chart opens, or null to open on the whole
 * series (it is short enough to read at once).
 */
export function firstShownIndex(length: number, testStart: number, horizon: number): number | null {
  if (length <= SHORT_SERIES) return null
  const history = Math.max(RECENT_HORIZONS * Math.max(1, horizon), MIN_RECENT_POINTS)
  const first = Math.max(0, testStart - history)
  return first > length * (1 - WHOLE_SHARE) ? first : null
}
