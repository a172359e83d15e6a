import { addOuter, addTransposedProduct, addVector } from './linear'
import {
  layerOutput,
  pointAtCurrent,
  pointAtPrevious,
  type LayerWorkspace,
  type Workspace,
} from './workspace'
import type { FloatArray } from './types'

/**
 * Backpropagation through time after `forwardStack`, starting from workspace.dOutput.
 * With truncation only the last `window` steps are differentiated: states before them are
 * treated as constants, in every layer alike. Overwrites `grads`.
 */
export function backwardStack(
  workspace: Workspace,
  params: FloatArray,
  grads: FloatArray,
  x: FloatArray,
  outputSize: number,
  truncateSteps: number,
): void {
  grads.fill(0)
  for (const layer of workspace.layers) layer.dh.fill(0)
  backwardHead(workspace, params, grads, outputSize)
  const first = truncateSteps > 0 ? Math.max(0, workspace.steps - truncateSteps) : 0
  for (let k = workspace.layers.length - 1; k >= 0; k--) {
    const layer = workspace.layers[k]
    // The layer above saw masked outputs; the mask is also the derivative of the masking.
    if (workspace.dropoutActive && layer.dropout > 0) multiplyInPlace(layer.dh, layer.mask)
    const input = k === 0 ? x : layerOutput(workspace, k - 1)
    const below = k === 0 ? null : workspace.layers[k - 1].dh
    backwardLayer(layer, params, grads, input, below, workspace, first)
  }
}

function backwardHead(workspace: Workspace, params: FloatArray, grads: FloatArray, outputSize: number): void {
  const { batch, steps, headW, headB, dOutput } = workspace
  const top = workspace.layers[workspace.layers.length - 1]
  const units = top.units
  for (let b = 0; b < batch; b++) {
    const hOff = (b * steps + steps - 1) * units
    for (let o = 0; o < outputSize; o++) {
      const d = dOutput[b * outputSize + o]
      grads[headB + o] += d
      for (let j = 0; j < units; j++) {
        grads[headW + o * units + j] += d * top.h[hOff + j]
        top.dh[hOff + j] += params[headW + o * units + j] * d
      }
    }
  }
}

function backwardLayer(
  layer: LayerWorkspace,
  params: FloatArray,
  grads: FloatArray,
  input: FloatArray,
  inputGrad: FloatArray | null,
  workspace: Workspace,
  first: number,
): void {
  const { offsets, rows, inputSize, units, step, kernel } = layer
  const { batch, steps } = workspace
  const dPreHH = kernel.sharedPreGradient ? step.dPreIH : step.dPreHH
  step.dh = layer.dh
  for (let b = 0; b < batch; b++) {
    step.carry.fill(0)
    for (let t = steps - 1; t >= first; t--) {
      pointAtPrevious(layer, steps, b, t)
      pointAtCurrent(layer, steps, b, t)
      const recurrent = t > first
      const prevGradOff = (b * steps + t - 1) * units
      step.dhPrev = recurrent ? layer.dh : layer.discard
      step.dhPrevOff = recurrent ? prevGradOff : 0
      kernel.backward(step)
      const inputOff = (b * steps + t) * inputSize
      addVector(grads, offsets.bIh, step.dPreIH, rows)
      addVector(grads, offsets.bHh, dPreHH, rows)
      addOuter(grads, offsets.wIh, rows, inputSize, step.dPreIH, input, inputOff)
      addOuter(grads, offsets.wHh, rows, units, dPreHH, step.hPrev, step.hPrevOff)
      if (inputGrad)
        addTransposedProduct(params, offsets.wIh, rows, inputSize, step.dPreIH, inputGrad, inputOff)
      if (recurrent) addTransposedProduct(params, offsets.wHh, rows, units, dPreHH, layer.dh, prevGradOff)
    }
  }
}

function multiplyInPlace(values: FloatArray, factors: FloatArray): void {
  for (let i = 0; i < values.length; i++) values[i] *= factors[i]
}
