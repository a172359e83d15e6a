import type { CellTraceView, GradientComparisonView } from '../../../../electron/api/requests/inside'
import { gradientPoints } from './trace-data'

export interface GradientCurve {
  key: string
  label: string
  colour: string
  dashed?: boolean
  points: Array<{ x: number; y: number | null }>
}

// Fixed colours (a canvas cannot read CSS variables), chosen to read on light and dark surfaces.
const colours = { model: '#2f6fde', rnn: '#e0702b', lstm: '#2a9d5c' }

/** The trained model's curve for one layer, then the comparison's two, when there is one. */
export function gradientCurves(
  trace: CellTraceView,
  layer: number,
  comparison: GradientComparisonView | null,
  label: (curve: 'model' | GradientComparisonView['curves'][number]) => string,
): GradientCurve[] {
  const curves: GradientCurve[] = []
  const own = gradientPoints(trace, layer)
  if (own.length > 0) curves.push({ key: 'model', label: label('model'), colour: colours.model, points: own })
  for (const curve of comparison?.curves ?? []) {
    curves.push({
      key: curve.cell,
      label: label(curve),
      colour: colours[curve.cell],
      dashed: true,
      points: curve.gradNorm.map((value, t) => ({
        x: t + 1,
        y: value > 0 && Number.isFinite(value) ? value : null,
      })),
    })
  }
  return curves
}
