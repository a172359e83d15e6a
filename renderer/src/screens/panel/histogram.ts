/** Equal-width bins over the finite values, for the distribution of per-series errors. */
export interface Bin {
  from: number
  to: number
  count: number
}

export function histogram(values: ReadonlyArray<number | null>, bins: number): Bin[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (finite.length === 0 || bins < 1) return []
  let min = Infinity
  let max = -Infinity
  for (const v of finite) {
    if (v < min) min = v
    if (v > max) max = v
  }
  // Every value equal: one bin holds them all.
  if (max === min) return [{ from: min, to: max, count: finite.length }]
  const width = (max - min) / bins
  const out = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }))
  for (const v of finite) out[Math.min(bins - 1, Math.floor((v - min) / width))].count++
  return out
}
