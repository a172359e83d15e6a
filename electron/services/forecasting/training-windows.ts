import type { Prepared } from '../../../worker/pipeline/index'
import type { TrainingWindows } from '../training/training-windows'

/**
 * The pool trains on the pipeline's windows (transforms fitted on the training part only).
 * Validation windows whose targets reach past the validation part carry NaN targets in the
 * pipeline (it masks them); the pool's loss has no mask, so those windows are left out.
 */
export function poolWindows(prepared: Prepared): TrainingWindows {
  const { spec } = prepared.state
  const outputs = spec.outputSize
  const steps = prepared.state.config.lookback * spec.inputSize
  const keep: number[] = []
  const { x, y } = prepared.validation
  for (let w = 0; w < y.length / outputs; w++) {
    const target = y.subarray(w * outputs, (w + 1) * outputs)
    if (target.every(Number.isFinite)) keep.push(w)
  }
  const validation =
    keep.length === 0
      ? null
      : {
          x: Float64Array.from(keep.flatMap((w) => Array.from(x.subarray(w * steps, (w + 1) * steps)))),
          y: Float64Array.from(keep.flatMap((w) => Array.from(y.subarray(w * outputs, (w + 1) * outputs)))),
        }
  return { inputSize: spec.inputSize, outputSize: outputs, train: prepared.train, validation }
}
