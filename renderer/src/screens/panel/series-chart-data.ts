import type { PanelSeriesDetail } from '../../../../electron/api/requests/panel'

/** The datasets of one series' chart: history, the held-out forecast, the forecast ahead and its bands. */

export interface XY {
  x: number
  y: number | null
}

export interface LineSpec {
  label: string
  data: XY[]
  borderColor: string
  backgroundColor?: string
  borderWidth: number
  pointRadius: number
  borderDash?: number[]
  /** '-1' paints the area down to the previous dataset (a band's lower edge). */
  fill: string | false
}

export interface ChartLabels {
  history: string
  testForecast: string
  forecast: string
  band80: string
  band95: string
}

const BAND_FILL: Record<number, string> = { 80: 'rgba(220, 120, 40, 0.28)', 95: 'rgba(220, 120, 40, 0.14)' }

function line(label: string, data: XY[], color: string, extra: Partial<LineSpec> = {}): LineSpec {
  return { label, data, borderColor: color, borderWidth: 1.5, pointRadius: 0, fill: false, ...extra }
}

export function seriesChartData(detail: PanelSeriesDetail, labels: ChartLabels): LineSpec[] {
  const n = detail.history.length
  const xHistory = (i: number) => detail.timestamps?.[i] ?? i
  const xAhead = (k: number) => detail.forecastTimestamps?.[k] ?? n + k
  const specs = [
    line(
      labels.history,
      detail.history.map((y, i) => ({ x: xHistory(i), y })),
      'rgb(60, 110, 200)',
    ),
  ]
  if (detail.testForecast && detail.testForecast.length > 0) {
    const first = n - detail.testForecast.length
    specs.push(
      line(
        labels.testForecast,
        detail.testForecast.map((y, k) => ({ x: xHistory(first + k), y })),
        'rgb(120, 120, 120)',
        { borderDash: [4, 3] },
      ),
    )
  }
  // Widest band first, so the narrower one is painted over it.
  for (const band of [...detail.intervals].sort((a, b) => b.level - a.level)) {
    const label = band.level === 80 ? labels.band80 : labels.band95
    const fill = BAND_FILL[band.level] ?? BAND_FILL[95]!
    specs.push(
      line(
        `${label} −`,
        band.lower.map((y, k) => ({ x: xAhead(k), y })),
        'transparent',
        { borderWidth: 0 },
      ),
      line(
        label,
        band.upper.map((y, k) => ({ x: xAhead(k), y })),
        'transparent',
        {
          borderWidth: 0,
          backgroundColor: fill,
          fill: '-1',
        },
      ),
    )
  }
  specs.push(
    line(
      labels.forecast,
      detail.forecast.map((y, k) => ({ x: xAhead(k), y })),
      'rgb(220, 120, 40)',
      { borderWidth: 2 },
    ),
  )
  return specs
}
