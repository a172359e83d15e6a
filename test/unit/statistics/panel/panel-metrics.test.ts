import { describe, expect, it } from 'vitest'
import { seasonalNaiveForecast } from '../../../../worker/statistics/baselines/lag-walk'
import {
  overallWeightedAverage,
  panelAccuracy,
  seriesAccuracy,
  type SeriesAccuracy,
} from '../../../../worker/statistics/panel-metrics'
import { readLongPanel, readValuesPanel } from './read-panel'

/** Seasonal naive over a panel, scored with M4's measures (lag 1 when a series is too short for m). */
function scoreSeasonalNaive(
  trainFile: string,
  testFile: string,
  m: number,
): ReturnType<typeof panelAccuracy> {
  const train = readLongPanel(trainFile)
  const scores: SeriesAccuracy[] = []
  for (const [id, actual] of readLongPanel(testFile)) {
    const history = train.get(id)!
    const lag = history.length > m ? m : 1
    const forecast = seasonalNaiveForecast(history, actual.length, lag, []).mean
    scores.push(seriesAccuracy(actual, forecast, history, m))
  }
  return panelAccuracy(scores)
}

describe('panel measures', () => {
  it('averages sMAPE and MASE over series and counts the series without a MASE', () => {
    const a = seriesAccuracy([10, 10], [9, 11], [1, 2, 4], 1)
    expect(a.smape).toBeCloseTo((200 / 2) * (1 / 19 + 1 / 21), 12)
    expect(a.mase).toBeCloseTo(1 / 1.5, 12)
    const constant = seriesAccuracy([10], [12], [3, 3, 3], 1)
    expect(constant.mase).toBeNull()
    const panel = panelAccuracy([a, constant])
    expect(panel.smape).toBeCloseTo((a.smape + constant.smape) / 2, 12)
    expect(panel.mase).toBeCloseTo(a.mase!, 12)
    expect(panel.maseSkipped).toBe(1)
  })
  it('scales MASE by lag 1 when the training part is not longer than m', () => {
    expect(seriesAccuracy([4], [3], [1, 3, 2], 4).mase).toBeCloseTo(1 / 1.5, 12)
  })
  it('computes OWA relative to Naive2', () => {
    expect(overallWeightedAverage({ smape: 9, mase: 1 }, { smape: 10, mase: 1.25 })).toBeCloseTo(0.85, 12)
    expect(() => overallWeightedAverage({ smape: 9, mase: 1 }, { smape: 0, mase: 1 })).toThrow(/Naive2/)
  })
  it("reproduces M3's published seasonal-naive figures on the whole quarterly panel", () => {
    const s = scoreSeasonalNaive('m3_quarterly_train.csv.gz', 'm3_quarterly_test.csv.gz', 4)
    expect(s.series).toBe(756)
    expect(s.smape).toBeCloseTo(11.065, 3)
    expect(s.mase).toBeCloseTo(1.425, 3)
  })
  it("reproduces M4's published seasonal-naive figures on the whole weekly panel", () => {
    // M4 scores weekly data with m = 1: seasonal naive is naive there.
    const scores = [...readValuesPanel('m4_weekly_values.csv.gz').values()].map(({ train, test }) =>
      seriesAccuracy(test, seasonalNaiveForecast(train, test.length, 1, []).mean, train, 1),
    )
    const s = panelAccuracy(scores)
    expect(s.series).toBe(359)
    expect(s.smape).toBeCloseTo(9.161, 3)
    expect(s.mase).toBeCloseTo(2.777, 3)
  })
  it('reproduces the reference scorer on the short M4 weekly series', () => {
    // panel_score.py on these 73 series: sMAPE 13.613, MASE 1.226 (on all 359: M4's 9.161, 2.777)
    const s = scoreSeasonalNaive('m4_weekly_short_train.csv.gz', 'm4_weekly_short_test.csv.gz', 1)
    expect(s.series).toBe(73)
    expect(s.smape).toBeCloseTo(13.613, 3)
    expect(s.mase).toBeCloseTo(1.226, 3)
  })
})
