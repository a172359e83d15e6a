/** Non-overlapping forecast origins covering [start, end): each forecasts up to `horizon` steps. */
export interface Chunk {
  origin: number
  steps: number
}

export function chunksOf(start: number, end: number, horizon: number): Chunk[] {
  const chunks: Chunk[] = []
  for (let origin = start; origin < end; origin += horizon)
    chunks.push({ origin, steps: Math.min(horizon, end - origin) })
  return chunks
}

export function concat(parts: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(parts.reduce((total, part) => total + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(Array.from(part), offset)
    offset += part.length
  }
  return out
}
