import type { WasmMemory } from './webassembly-api'

/**
 * The functions the AssemblyScript kernel module exports (see assembly/index.ts). Every
 * pointer argument is a byte address into `memory`; matrices are row-major float32.
 */
export interface KernelExports {
  readonly memory: WasmMemory
  /** C[M×N] (+)= op(A)·B; op(A)(r, p) at a + r·strideRow + p·strideInner. NN: (K·4, 4), TN: (4, M·4). */
  gemmPanel(
    a: number,
    strideRow: number,
    strideInner: number,
    b: number,
    c: number,
    m: number,
    n: number,
    k: number,
    accumulate: number,
  ): void
  /** C[M×N] (+)= A[M×K]·B[N×K]ᵀ */
  gemmNT(a: number, b: number, c: number, m: number, n: number, k: number, accumulate: number): void
  lstmCellForward(
    gates: number,
    cPrev: number,
    c: number,
    tanhC: number,
    h: number,
    batch: number,
    units: number,
  ): void
  lstmCellBackward(
    acts: number,
    cPrev: number,
    tanhC: number,
    dh: number,
    dhExtra: number,
    dc: number,
    dGates: number,
    batch: number,
    units: number,
  ): void
  rnnCellForward(pre: number, h: number, n: number): void
  rnnCellBackward(h: number, dh: number, dhExtra: number, dPre: number, n: number): void
  gruCellForward(
    gx: number,
    gh: number,
    hPrev: number,
    hn: number,
    h: number,
    batch: number,
    units: number,
  ): void
  gruCellBackward(
    acts: number,
    hn: number,
    hPrev: number,
    dh: number,
    dhExtra: number,
    dGx: number,
    dGh: number,
    batch: number,
    units: number,
  ): void
  addInto(dst: number, src: number, n: number): void
  mulInto(dst: number, a: number, b: number, n: number): void
  fillRows(dst: number, row: number, rows: number, cols: number): void
  addColumnSums(src: number, sums: number, rows: number, cols: number): void
  transpose(src: number, dst: number, rows: number, cols: number): void
  heapBase(): number
}

/** Convenience wrappers with the stride arithmetic spelled out once. */
export function gemmNN(
  k: KernelExports,
  a: number,
  b: number,
  c: number,
  m: number,
  n: number,
  inner: number,
  accumulate: boolean,
): void {
  k.gemmPanel(a, inner * 4, 4, b, c, m, n, inner, accumulate ? 1 : 0)
}

/** C[M×N] (+)= A[K×M]ᵀ·B[K×N] */
export function gemmTN(
  k: KernelExports,
  a: number,
  b: number,
  c: number,
  m: number,
  n: number,
  inner: number,
  accumulate: boolean,
): void {
  k.gemmPanel(a, 4, m * 4, b, c, m, n, inner, accumulate ? 1 : 0)
}
