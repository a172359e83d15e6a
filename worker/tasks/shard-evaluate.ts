import { maskedLossSum } from '../engine/index'
import type { AttachedJob } from './attached-job'

/** Loss SUM (not mean) over the defined targets of validation windows [from, from+count), so chunks add up exactly. */
export function shardEvaluate(job: AttachedJob, from: number, count: number): number {
  const { spec, steps, loss } = job.memory
  if (!job.validationX || !job.validationY) throw new Error('This job has no validation windows')
  const xWidth = steps * spec.inputSize
  const outputs = count * spec.outputSize
  const x = job.validationX.subarray(from * xWidth, (from + count) * xWidth)
  const target = job.validationY.subarray(from * spec.outputSize, from * spec.outputSize + outputs)
  const output = job.output.subarray(0, outputs)
  job.backend.forward(job.params, x, count, steps, output)
  return maskedLossSum(loss, output, target, outputs)
}
