import { applyMask, fillDropoutMask } from './dropout'
import { affine } from './linear'
import { mulberry32 } from './prng'
import {
  layerOutput,
  pointAtCurrent,
  pointAtPrevious,
  type LayerWorkspace,
  type Workspace,
} from './workspace'
import type { FloatArray } from './types'

/**
 * Runs every layer over the whole window and the head on the top layer's last hidden state,
 * recording what backward and inspection need. `dropoutSeed` enables the dropout masks.
 */
export function forwardStack(
  workspace: Workspace,
  params: FloatArray,
  x: FloatArray,
  outputSize: number,
  dropoutSeed: number | null,
): void {
  const random = dropoutSeed === null ? null : mulberry32(dropoutSeed)
  workspace.dropoutActive = random !== null
  workspace.layers.forEach((layer, k) => {
    const input = k === 0 ? x : layerOutput(workspace, k - 1)
    forwardLayer(layer, params, input, workspace.batch, workspace.steps)
    if (random && layer.dropout > 0) {
      fillDropoutMask(layer.mask, layer.dropout, random)
      applyMask(layer.h, layer.mask, layer.dropped)
    }
  })
  forwardHead(workspace, params, outputSize)
}

function forwardLayer(
  layer: LayerWorkspace,
  params: FloatArray,
  input: FloatArray,
  batch: number,
  steps: number,
): void {
  const { offsets, rows, inputSize, units, step } = layer
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < steps; t++) {
      pointAtPrevious(layer, steps, b, t)
      pointAtCurrent(layer, steps, b, t)
      affine(
        params,
        offsets.wIh,
        rows,
        inputSize,
        params,
        offsets.bIh,
        input,
        (b * steps + t) * inputSize,
        step.preIH,
      )
      affine(params, offsets.wHh, rows, units, params, offsets.bHh, step.hPrev, step.hPrevOff, step.preHH)
      layer.kernel.forward(step)
    }
  }
}

function forwardHead(workspace: Workspace, params: FloatArray, outputSize: number): void {
  const { batch, steps, headW, headB, output } = workspace
  const top = workspace.layers[workspace.layers.length - 1]
  const units = top.units
  for (let b = 0; b < batch; b++) {
    const hOff = (b * steps + steps - 1) * units
    for (let o = 0; o < outputSize; o++) {
      let sum = 0
      for (let j = 0; j < units; j++) sum += params[headW + o * units + j] * top.h[hOff + j]
      output[b * outputSize + o] = params[headB + o] + sum
    }
  }
}
