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

type Curve = GradientComparisonView['curves'][number]

/** Every value as a share of the last step's: the decay through time, whatever each network's scale. */
function relativePoints(points: Array<{ x: number; y: number | null }>) {
  const last = points[points.length - 1]?.y
  return points.map((point) => ({ x: point.x, y: point.y !== null && last ? point.y / last : null }))
}

/**
 * The trained model's curve for one layer, then the comparison's: each cell after training
 * (solid) and at initialisation (dashed). All are relative to their own last step.
 */
export function gradientCurves(
  trace: CellTraceView,
  layer: number,
  comparison: GradientComparisonView | null,
  label: (curve: 'model' | Curve) => string,
): GradientCurve[] {
  const curves: GradientCurve[] = []
  const own = relativePoints(gradientPoints(trace, layer))
  if (own.length > 0) curves.push({ key: 'model', label: label('model'), colour: colours.model, points: own })
  const ordered = [...(comparison?.curves ?? [])].sort((a, b) =>
    a.stage === b.stage ? 0 : a.stage === 'initial' ? -1 : 1,
  )
  for (const curve of ordered) {
    curves.push({
      key: curve.stage === 'initial' ? `${curve.cell}-initial` : curve.cell,
      label: label(curve),
      colour: colours[curve.cell],
      dashed: curve.stage === 'initial',
      points: curve.relative.map((value, t) => ({
        x: t + 1,
        y: value > 0 && Number.isFinite(value) ? value : null,
      })),
    })
  }
  return curves
}
