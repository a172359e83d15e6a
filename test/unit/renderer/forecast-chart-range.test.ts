import { describe, expect, it } from 'vitest'
import { firstShownIndex, RECENT_HORIZONS } from '../../../renderer/src/screens/forecast/chart-range'

describe('the range the Forecast chart opens on', () => {
  it('is the recent part of a long series: a few horizons of history, then the test part and beyond', () => {
    // taylor: 4,032 half-hours, a day-long horizon held out for the test.
    const first = firstShownIndex(4032, 4032 - 48, 48)
    expect(first).toBe(4032 - 48 - RECENT_HORIZONS * 48)
  })

  it('keeps enough history to see the shape when the horizon is short', () => {
    expect(firstShownIndex(5000, 4999, 1)).toBe(4999 - 60)
  })

  it('is the whole series when it is short enough to read at once', () => {
    // AirPassengers: 144 months, 12 held out.
    expect(firstShownIndex(144, 132, 12)).toBeNull()
    // A long horizon on a longer series: the recent part would be nearly all of it anyway.
    expect(firstShownIndex(1000, 600, 100)).toBeNull()
  })
})
