import type { KerasLayer } from './layer-configs'

/**
 * Configs of the plain Keras layers the unrolled graphs are made of. Each is registered by
 * tfjs-layers 4.22 (and exists in Keras), so `tf.loadLayersModel` rebuilds it without custom code.
 */

function layer(className: string, name: string, extra: Record<string, unknown> = {}): KerasLayer {
  return { class_name: className, config: { name, trainable: true, dtype: 'float32', ...extra } }
}

export function denseLayer(name: string, units: number, useBias: boolean): KerasLayer {
  return layer('Dense', name, { units, activation: 'linear', use_bias: useBias })
}

export function activationLayer(name: string, activation: 'sigmoid' | 'tanh'): KerasLayer {
  return layer('Activation', name, { activation })
}

export function addLayer(name: string): KerasLayer {
  return layer('Add', name)
}

/** The element-wise mean of its inputs (tfjs-layers and Keras `Average`). */
export function averageLayer(name: string): KerasLayer {
  return layer('Average', name)
}

export function multiplyLayer(name: string): KerasLayer {
  return layer('Multiply', name)
}

export function reshapeLayer(name: string, targetShape: number[]): KerasLayer {
  return layer('Reshape', name, { target_shape: targetShape })
}

export function concatenateLayer(name: string, axis: number): KerasLayer {
  return layer('Concatenate', name, { axis })
}

/** Keeps rows [top, rows − bottom) of a [batch, rows, columns, channels] tensor. */
export function croppingRowsLayer(name: string, top: number, bottom: number): KerasLayer {
  return layer('Cropping2D', name, {
    cropping: [
      [top, bottom],
      [0, 0],
    ],
    data_format: 'channels_last',
  })
}
