import type { CellType } from '../types'
import type { CellKernel } from './cell'
import { gruCell } from './gru'
import { lstmCell } from './lstm'
import { rnnCell } from './rnn'

const KERNELS: Record<CellType, CellKernel> = { lstm: lstmCell, gru: gruCell, rnn: rnnCell }

export function cellKernel(cell: CellType): CellKernel {
  const kernel = KERNELS[cell]
  if (!kernel) throw new Error(`Unknown cell type "${String(cell)}" (expected lstm, gru or rnn)`)
  return kernel
}

export type { CellKernel, StepBuffers } from './cell'
