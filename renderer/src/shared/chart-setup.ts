import {
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  LogarithmicScale,
  PointElement,
  TimeScale,
  Title,
  Tooltip,
} from 'chart.js'
import 'chartjs-adapter-date-fns'
import zoomPlugin from 'chartjs-plugin-zoom'

// Registered once: only the pieces the app draws with, so the bundle stays small.
Chart.register(
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  TimeScale,
  Tooltip,
  Legend,
  Title,
  Filler,
  Decimation,
  zoomPlugin,
)

// Axis text and grid lines follow the light/dark theme (charts drawn later pick it up).
function followTheme(): void {
  const style = getComputedStyle(document.documentElement)
  Chart.defaults.color = style.getPropertyValue('--muted').trim() || '#5d6677'
  Chart.defaults.borderColor = style.getPropertyValue('--border').trim() || '#d5dae3'
}
followTheme()
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', followTheme)
