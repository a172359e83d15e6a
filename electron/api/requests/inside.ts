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

/** Which windows a comparison ran on: the model's own data, or the course's long-memory example. */
export type ComparisonExample = 'model' | 'longMemory'

export interface GradientComparisonView {
  modelId: string
  example: ComparisonExample
  /** Window length: the model's lookback, lengthened (up to 48) where the series allows. */
  steps: number
  epochs: number
  /** Seeds every curve is averaged over. */
  seeds: number
  /** Each cell at initialisation and after `epochs` epochs. */
  curves: Array<{
    cell: 'rnn' | 'lstm'
    stage: 'initial' | 'trained'
    gradNorm: number[]
    /** gradNorm[t] / gradNorm[last]: the share of the last step's gradient that reaches step t. */
    relative: number[]
    /** null at initialisation. */
    finalTrainLoss: number | null
  }>
}

const projectId = recordId
const modelId = recordId

export const insideRequests = {
  'inside.trace': defineRequest<CellTraceView>()(
    'Gates, cell state, hidden state and gradient norms of a trained model over one window of its data.',
    z.object({ projectId, modelId, origin: z.number().int().min(0).max(LIMITS.rows).optional() }).strict(),
  ),
  'inside.compare': defineRequest<GradientComparisonView>()(
    'A plain tanh RNN and an LSTM of the same size, at initialisation and after a few epochs on the model’s data (or the long-memory example), several seeds averaged: ‖∂loss/∂h_t‖ of each and its decay from the last step.',
    z
      .object({
        projectId,
        modelId,
        epochs: z.number().int().min(1).max(50).default(5),
        seed: z.number().int().min(0).max(0xffffffff).default(1),
        example: z.enum(['model', 'longMemory']).default('model'),
      })
      .strict(),
  ),
}
