import { meanLoss } from '../engine/index'
import type { AttachedJob } from './attached-job'
import type { EvaluateTask } from './task-types'

/** Loss SUM (not mean) of a contiguous chunk of validation windows, so chunks add up exactly. */
export function shardEvaluate(job: AttachedJob, task: EvaluateTask): number {
  const { spec, steps, loss } = job.memory
  if (!job.validationX || !job.validationY) throw new Error('This job has no validation windows')
  const xWidth = steps * spec.inputSize
  const outputs = task.count * spec.outputSize
  const x = job.validationX.subarray(task.from * xWidth, (task.from + task.count) * xWidth)
  const target = job.validationY.subarray(task.from * spec.outputSize, task.from * spec.outputSize + outputs)
  const output = job.output.subarray(0, outputs)
  job.backend.forward(job.params, x, task.count, steps, output)
  return meanLoss(loss, output, target, outputs) * outputs
}
