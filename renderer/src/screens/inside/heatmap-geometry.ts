/** Where a cell of a steps × units map sits on a canvas of a given size, and back. */
export interface MapSize {
  width: number
  height: number
  steps: number
  units: number
}

export interface CellIndex {
  step: number
  unit: number
}

export function cellAt(size: MapSize, x: number, y: number): CellIndex | null {
  if (x < 0 || y < 0 || x >= size.width || y >= size.height) return null
  const step = Math.floor((x / size.width) * size.steps)
  const unit = Math.floor((y / size.height) * size.units)
  if (step >= size.steps || unit >= size.units) return null
  return { step, unit }
}

export function columnRect(size: MapSize, step: number): { x: number; width: number } {
  const width = size.width / size.steps
  return { x: step * width, width }
}

/** Keeps a keyboard cursor on the map. */
export function moveCell(size: MapSize, from: CellIndex, key: string): CellIndex | null {
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  }
  const move = moves[key]
  if (!move) return null
  return {
    step: Math.min(size.steps - 1, Math.max(0, from.step + move[0])),
    unit: Math.min(size.units - 1, Math.max(0, from.unit + move[1])),
  }
}

/** A sensible on-screen height: a few pixels per unit, within limits. */
export function mapHeight(units: number): number {
  return Math.round(Math.min(200, Math.max(48, units * 10)))
}
