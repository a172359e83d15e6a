import { colourAt } from './colour-scale'
import type { ColourScale } from './colour-scale'
import { columnRect } from './heatmap-geometry'
import type { MapSize } from './heatmap-geometry'
import type { HeatmapCells } from './trace-data'

/**
 * Paints one pixel per (step, unit) on a small buffer and stretches it onto the canvas
 * without smoothing: one draw call whatever the size (a 1024-unit layer stays cheap).
 */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  cells: HeatmapCells,
  scale: ColourScale,
  highlightStep: number,
  outline: string,
): void {
  const context = canvas.getContext('2d')
  if (!context || cells.steps === 0 || cells.units === 0) return
  const buffer = document.createElement('canvas')
  buffer.width = cells.steps
  buffer.height = cells.units
  const bufferContext = buffer.getContext('2d')
  if (!bufferContext) return
  const image = bufferContext.createImageData(cells.steps, cells.units)
  for (let t = 0; t < cells.steps; t++) {
    const row = cells.values[t] ?? []
    for (let u = 0; u < cells.units; u++) {
      const [r, g, b] = colourAt(scale, row[u] ?? Number.NaN)
      const offset = (u * cells.steps + t) * 4
      image.data[offset] = r
      image.data[offset + 1] = g
      image.data[offset + 2] = b
      image.data[offset + 3] = 255
    }
  }
  bufferContext.putImageData(image, 0, 0)
  context.clearRect(0, 0, canvas.width, canvas.height)
  context.imageSmoothingEnabled = false
  context.drawImage(buffer, 0, 0, canvas.width, canvas.height)
  const size: MapSize = { width: canvas.width, height: canvas.height, steps: cells.steps, units: cells.units }
  const column = columnRect(size, highlightStep)
  context.strokeStyle = outline
  context.lineWidth = 2
  context.strokeRect(column.x + 1, 1, Math.max(2, column.width - 2), canvas.height - 2)
}
