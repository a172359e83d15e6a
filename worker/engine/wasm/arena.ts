import type { KernelExports } from './kernel-exports'

const PAGE_BYTES = 65536
const ALIGN = 16

/**
 * Bump allocator over a kernel instance's linear memory. Buffers are allocated once per
 * (model, batch shape) and reused, so a training step allocates nothing. Growing the memory
 * detaches earlier typed-array views: take views with `floats()` after allocating.
 */
export class LinearArena {
  private top: number
  private readonly base: number

  constructor(private readonly kernels: KernelExports) {
    this.base = kernels.heapBase()
    this.top = this.base
  }

  /** Byte address of a fresh, 16-byte aligned region of `count` float32 values (zeroed). */
  alloc(count: number): number {
    const address = this.top
    const bytes = Math.ceil((count * 4) / ALIGN) * ALIGN
    this.ensureCapacity(address + bytes)
    this.top = address + bytes
    new Float32Array(this.kernels.memory.buffer, address, count).fill(0)
    return address
  }

  /** Current end of the allocations, to release everything after it later. */
  mark(): number {
    return this.top
  }

  /** Forgets every allocation made after `mark` (their addresses may be handed out again). */
  releaseTo(mark: number): void {
    if (mark < this.base || mark > this.top) throw new Error(`Invalid arena mark ${mark}`)
    this.top = mark
  }

  /** Bytes in use, for diagnostics. */
  get usedBytes(): number {
    return this.top - this.base
  }

  floats(address: number, count: number): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, address, count)
  }

  private ensureCapacity(end: number): void {
    const memory = this.kernels.memory
    const missing = end - memory.buffer.byteLength
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES))
  }
}
