/** An append-only Float64Array that doubles its capacity; `toArray` trims to the filled length. */
export class GrowableFloat64 {
  private buffer: Float64Array
  length = 0

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(16, initialCapacity))
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Float64Array(this.buffer.length * 2)
      bigger.set(this.buffer)
      this.buffer = bigger
    }
    this.buffer[this.length++] = value
  }

  /** A view when little capacity is unused (no copy), else a trimmed copy. */
  toArray(): Float64Array {
    return this.length >= this.buffer.length * 0.75
      ? this.buffer.subarray(0, this.length)
      : this.buffer.slice(0, this.length)
  }
}

export class GrowableInt32 {
  private buffer: Int32Array
  length = 0

  constructor(initialCapacity = 1024) {
    this.buffer = new Int32Array(Math.max(16, initialCapacity))
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2)
      bigger.set(this.buffer)
      this.buffer = bigger
    }
    this.buffer[this.length++] = value
  }

  toArray(): Int32Array {
    return this.length >= this.buffer.length * 0.75
      ? this.buffer.subarray(0, this.length)
      : this.buffer.slice(0, this.length)
  }
}
