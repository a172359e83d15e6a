import { z } from 'zod'
import { defineRequest } from '../define'
import { LIMITS, recordId } from './common'

/** One layer over one window; matrices are [steps][units]. */
export interface LayerTraceView {
  cell: 'lstm' | 'gru' | 'rnn'
  units: number
  /** LSTM: i, f, g (the candidate c̃), o; GRU: r, z, n; RNN: pre. */
  gates: Record<string, number[][]>
  c?: number[][]
  h: number[][]
  /** ‖∂loss/∂h_t‖ per step. */
  hiddenGradNorm?: number[]
}

export interface CellTraceView {
  modelId: string
  /** Original-series index of the window's first forecast step. */
  origin: number
  lookback: number
  /** Timestamps (epoch ms) of the input steps, or null for plain steps. */
  inputTimestamps: number[] | null
  inputIndices: number[]
  layers: LayerTraceView[]
  loss: number | null
}

export interface GradientComparisonView {
  modelId: string
  steps: number
  curves: Array<{ cell: 'rnn' | 'lstm'; gradNorm: number[]; finalTrainLoss: number }>
}

const projectId = recordId
const modelId = recordId

export const insideRequests = {
  'inside.trace': defineRequest<CellTraceView>()(
    'Gates, cell state, hidden state and gradient norms of a trained model over one window of its data.',
    z.object({ projectId, modelId, origin: z.number().int().min(0).max(LIMITS.rows).optional() }).strict(),
  ),
  'inside.compare': defineRequest<GradientComparisonView>()(
    'Trains a plain tanh RNN and an LSTM of the same size on the model’s data for a few epochs and returns ‖∂loss/∂h_t‖ of each.',
    z
      .object({
        projectId,
        modelId,
        epochs: z.number().int().min(1).max(50).default(5),
        seed: z.number().int().min(0).max(0xffffffff).default(1),
      })
      .strict(),
  ),
}
