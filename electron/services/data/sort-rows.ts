/** True when the timestamps never go backwards. */
export function isSorted(times: Float64Array): boolean {
  for (let i = 1; i < times.length; i++) if (times[i] < times[i - 1]) return false
  return true
}

/** Row order that sorts by time, keeping file order among equal timestamps (a stable sort). */
export function stableTimeOrder(times: Float64Array): Uint32Array {
  const order = new Uint32Array(times.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  return order.sort((a, b) => times[a] - times[b] || a - b)
}

export function permuteNumbers<T extends Float64Array | Int32Array>(values: T, order: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(order.length)
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]]
  return out
}

export function permuteStrings(values: string[], order: Uint32Array): string[] {
  const out = new Array<string>(order.length)
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]]
  return out
}
