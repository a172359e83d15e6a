import { paramLayout } from './layout'
import { writeOrthogonal } from './orthogonal'
import { mulberry32, normalSampler, type Random } from './prng'
import { gateCount } from './spec'
import type { FloatArray, ModelSpec, ParamEntry } from './types'

/**
 * Keras-style initialisation: Glorot-uniform input weights and head, orthogonal recurrent
 * blocks per gate, zero biases except an LSTM forget-gate bias of 1 (so early training
 * remembers instead of forgetting). One PRNG stream in layout order: same seed, same bits.
 */
export function initializeParams(spec: ModelSpec, params: FloatArray, seed: number): void {
  const layout = paramLayout(spec)
  const random = mulberry32(seed)
  const normal = normalSampler(random)
  for (const entry of layout) {
    const [, layerText, kind] = entry.name.split('.')
    if (entry.name === 'head.W') fillGlorotUniform(params, entry, random)
    else if (entry.name === 'head.b') params.fill(0, entry.offset, entry.offset + entry.size)
    else initializeLayerTensor(spec, Number(layerText), kind, entry, params, random, normal)
  }
}

function initializeLayerTensor(
  spec: ModelSpec,
  layerIndex: number,
  kind: string,
  entry: ParamEntry,
  params: FloatArray,
  random: Random,
  normal: () => number,
): void {
  const layer = spec.layers[layerIndex]
  const units = layer.units
  if (kind === 'W_ih') fillGlorotUniform(params, entry, random)
  else if (kind === 'W_hh') {
    for (let gate = 0; gate < gateCount(layer.cell); gate++) {
      writeOrthogonal(params, entry.offset + gate * units * units, units, normal)
    }
  } else {
    params.fill(0, entry.offset, entry.offset + entry.size)
    // Forget gate is the second block of LSTM rows; b_ih carries the whole bias of 1.
    if (kind === 'b_ih' && layer.cell === 'lstm')
      params.fill(1, entry.offset + units, entry.offset + 2 * units)
  }
}

/** fan_out = rows (gates·units or outputs), fan_in = columns, as Keras counts a [in, out] kernel. */
function fillGlorotUniform(params: FloatArray, entry: ParamEntry, random: Random): void {
  const [rows, columns] = entry.shape
  const limit = Math.sqrt(6 / (rows + columns))
  for (let i = 0; i < entry.size; i++) params[entry.offset + i] = (2 * random() - 1) * limit
}
