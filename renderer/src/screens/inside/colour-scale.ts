import type { HeatmapCells, Panel } from './trace-data'

export type Rgb = [number, number, number]

/**
 * Gates that are sigmoids live in (0, 1) and get a sequential map on that fixed range, so
 * "almost closed" looks the same in every layer; signed values get a diverging map centred
 * on zero, bounded by (−1, 1) for tanh outputs and by the largest |value| for the rest.
 */
export interface ColourScale {
  kind: 'sequential' | 'diverging'
  min: number
  max: number
}

const sigmoidPanels: Panel[] = ['f', 'i', 'o', 'r', 'z']
const tanhPanels: Panel[] = ['g', 'n', 'h']

export function scaleFor(cells: HeatmapCells): ColourScale {
  if (sigmoidPanels.includes(cells.panel)) return { kind: 'sequential', min: 0, max: 1 }
  if (tanhPanels.includes(cells.panel)) return { kind: 'diverging', min: -1, max: 1 }
  let bound = 0
  for (const row of cells.values) for (const value of row) bound = Math.max(bound, Math.abs(value))
  const max = bound > 0 && Number.isFinite(bound) ? bound : 1
  return { kind: 'diverging', min: -max, max }
}

// Colour stops readable on both the light and the dark surface (viridis-like; blue–white–red).
const sequentialStops: Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
]
const divergingStops: Rgb[] = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [244, 165, 130],
  [178, 24, 43],
]

function interpolate(stops: Rgb[], position: number): Rgb {
  const scaled = Math.min(1, Math.max(0, position)) * (stops.length - 1)
  const low = Math.min(stops.length - 2, Math.floor(scaled))
  const share = scaled - low
  const a = stops[low] as Rgb
  const b = stops[low + 1] as Rgb
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * share)) as Rgb
}

export function colourAt(scale: ColourScale, value: number): Rgb {
  if (!Number.isFinite(value)) return [128, 128, 128]
  const position = (value - scale.min) / (scale.max - scale.min)
  return interpolate(scale.kind === 'sequential' ? sequentialStops : divergingStops, position)
}

export function cssColour([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`
}
