import type { CellType, ModelSpec } from '../../engine/index'

/**
 * Keras layer configs (snake_case, as Keras and tfjs-layers write them). Initializers are left
 * out: the weights file replaces them, and both loaders fall back to their defaults.
 */

export type KerasCell = 'lstm' | 'rnn'

const CLASS_NAME: Record<KerasCell, string> = { lstm: 'LSTM', rnn: 'SimpleRNN' }

export interface KerasLayer {
  class_name: string
  config: Record<string, unknown>
}

/** Whether tfjs-layers has a native layer computing this cell the engine's way. */
export function hasNativeLayer(cell: CellType): cell is KerasCell {
  return cell !== 'gru'
}

/**
 * tfjs-layers 4.x implements only Keras' reset_after = false GRU, which applies the reset gate
 * before the recurrent matrix; the engine (like PyTorch and Keras ≥ 2 defaults) applies it after.
 * GRU layers are therefore unrolled (`unrolled-gru.ts`), never written as a native layer.
 */
export function kerasCell(cell: CellType): KerasCell {
  if (!hasNativeLayer(cell))
    throw new RangeError('GRU layers have no faithful native TensorFlow.js layer; they are unrolled')
  return cell
}

export function layerName(cell: KerasCell, k: number): string {
  return `${cell === 'lstm' ? 'lstm' : 'simple_rnn'}_${k}`
}

export const HEAD_NAME = 'forecast'

/** Layer k as a native Keras LSTM / SimpleRNN; the first layer of a Sequential model also declares the input. */
export function recurrentLayerConfig(spec: ModelSpec, k: number, lookback?: number): KerasLayer {
  const cell = kerasCell(spec.layers[k].cell)
  const config: Record<string, unknown> = {
    name: layerName(cell, k),
    trainable: true,
    dtype: 'float32',
    units: spec.layers[k].units,
    activation: 'tanh',
    use_bias: true,
    // Each layer feeds the next the whole sequence; the top one hands the head its last state.
    return_sequences: k < spec.layers.length - 1,
    return_state: false,
    go_backwards: false,
    stateful: false,
    unroll: false,
    dropout: 0,
    recurrent_dropout: 0,
  }
  // tfjs-layers defaults to hard_sigmoid; the engine's gates use the exact logistic sigmoid.
  if (cell === 'lstm') config.recurrent_activation = 'sigmoid'
  if (k === 0 && lookback !== undefined) config.batch_input_shape = [null, lookback, spec.inputSize]
  return { class_name: CLASS_NAME[cell], config }
}

export function headConfig(spec: ModelSpec): KerasLayer {
  return {
    class_name: 'Dense',
    config: {
      name: HEAD_NAME,
      trainable: true,
      dtype: 'float32',
      units: spec.outputSize,
      activation: 'linear',
      use_bias: true,
    },
  }
}
