import type { FloatArray, Precision } from './types'

/** A zeroed array of the requested precision, optionally on a SharedArrayBuffer for worker pools. */
export function allocateFloats(precision: Precision, length: number, shared = false): FloatArray {
  assertPrecision(precision)
  const bytes = precision === 'float32' ? 4 : 8
  if (!shared) return precision === 'float32' ? new Float32Array(length) : new Float64Array(length)
  const buffer = new SharedArrayBuffer(length * bytes)
  return precision === 'float32' ? new Float32Array(buffer) : new Float64Array(buffer)
}

export function precisionOf(values: FloatArray): Precision {
  return values instanceof Float32Array ? 'float32' : 'float64'
}

export function assertPrecision(precision: unknown): asserts precision is Precision {
  if (precision !== 'float32' && precision !== 'float64') {
    throw new Error(`Unknown precision "${String(precision)}" (expected float32 or float64)`)
  }
}
