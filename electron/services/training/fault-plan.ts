import type { FaultKind } from '../../../worker/tasks/task-types'
import type { FaultPlan } from '../../../worker/training/sharded-trainer'

/** Test-only: makes one task of the run fail, `times` times in a row (a retry counts). */
export interface FaultInjection {
  kind: FaultKind
  epoch: number
  batch: number
  shard: number
  times: number
}

export function faultPlanOf(injection: FaultInjection): FaultPlan {
  let remaining = injection.times
  return (epoch, batch, shard) => {
    const here = epoch === injection.epoch && batch === injection.batch && shard === injection.shard
    if (!here || remaining <= 0) return undefined
    remaining--
    return injection.kind
  }
}
