import type { OptimizerStateJSON } from '../../../worker/engine/index'
import type { TrainSettings } from '../../../worker/training/settings'
import type { EpochRecord } from '../../../worker/training/sharded-trainer'
import { decodeFloat32, decodeFloat64, encodeFloats } from './float-codec'

export const LAST_CHECKPOINT_FILE = 'checkpoint-last.json'
export const BEST_CHECKPOINT_FILE = 'checkpoint-best.json'
export const LOSS_HISTORY_FILE = 'loss.csv'

/** Version 2 keeps the training loop's settings (version 1 kept the API's, before one loop served every caller). */
export const LAST_CHECKPOINT_FORMAT = 'lstm-studio-training-checkpoint/2'

/** Everything needed to continue a run exactly where it was after a restart. */
export interface LastCheckpoint {
  format: typeof LAST_CHECKPOINT_FORMAT
  jobId: string
  settings: TrainSettings
  windows: { train: number; validation: number }
  /** Completed epochs; the run continues with this epoch index. */
  epochsDone: number
  history: EpochRecord[]
  /** base64 float32 */
  params: string
  optimizer: EncodedOptimizerState
}

export interface BestCheckpoint {
  format: 'lstm-studio-best-weights/1'
  epoch: number
  loss: number
  /** base64 float32 */
  params: string
}

/** The engine's optimizer state with its buffers as base64 float64. */
export interface EncodedOptimizerState extends Omit<OptimizerStateJSON, 'buffers'> {
  buffers: Record<string, string>
}

export function encodeOptimizerState(state: OptimizerStateJSON): EncodedOptimizerState {
  const buffers: Record<string, string> = {}
  for (const [name, values] of Object.entries(state.buffers))
    buffers[name] = encodeFloats(Float64Array.from(values))
  return { ...state, buffers }
}

export function decodeOptimizerState(state: EncodedOptimizerState): OptimizerStateJSON {
  const buffers: Record<string, number[]> = {}
  for (const [name, text] of Object.entries(state.buffers ?? {})) {
    buffers[name] = Array.from(decodeFloat64(text, `optimizer buffer ${name}`))
  }
  return { ...state, buffers }
}

export function decodeParams(text: string, expected: number, what: string): Float32Array {
  const params = decodeFloat32(text, what)
  if (params.length !== expected)
    throw new Error(`${what} has ${params.length} weights, expected ${expected}`)
  return params
}

/** loss.csv in the project's run-file format (epoch,train_loss,val_loss,lr; empty val_loss = none). */
export function lossHistoryCsv(history: readonly EpochRecord[]): string {
  const cell = (value: number | null): string =>
    value === null || !Number.isFinite(value) ? '' : String(value)
  const rows = history.map((row) =>
    [row.epoch, cell(row.trainLoss), cell(row.valLoss), cell(row.lr)].join(','),
  )
  return ['epoch,train_loss,val_loss,lr', ...rows].join('\n') + '\n'
}
