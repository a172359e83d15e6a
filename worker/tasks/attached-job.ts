import { paramCount, type Backend } from '../engine/index'
import { createBackend } from '../engine/backend-choice'
import type { JobMemory } from './task-types'

/** A job as one worker sees it: typed views on the shared buffers, its backend and gather buffers. */
export interface AttachedJob {
  memory: JobMemory
  backend: Backend
  paramCount: number
  params: Float32Array
  gradSlots: Float32Array
  trainX: Float32Array
  trainY: Float32Array
  validationX: Float32Array | null
  validationY: Float32Array | null
  order: Int32Array
  claims: Int32Array
  losses: Float64Array
  /** Reused for every shard: gathered windows and their targets (or outputs). */
  batchX: Float32Array
  batchY: Float32Array
  output: Float32Array
}

/** Few jobs run at once; older attachments are dropped so their buffers can be collected. */
const MAX_ATTACHED_JOBS = 4

const attached = new Map<string, Promise<AttachedJob>>()

const floatsOf = (buffer: SharedArrayBuffer | null): Float32Array | null =>
  buffer ? new Float32Array(buffer) : null

async function attach(memory: JobMemory): Promise<AttachedJob> {
  const { spec, steps, maxShard } = memory
  return {
    memory,
    backend: await createBackend(memory.backend, spec),
    paramCount: paramCount(spec),
    params: new Float32Array(memory.params),
    gradSlots: new Float32Array(memory.gradSlots),
    trainX: new Float32Array(memory.trainX),
    trainY: new Float32Array(memory.trainY),
    validationX: floatsOf(memory.validationX),
    validationY: floatsOf(memory.validationY),
    order: new Int32Array(memory.order),
    claims: new Int32Array(memory.claims),
    losses: new Float64Array(memory.losses),
    batchX: new Float32Array(maxShard * steps * spec.inputSize),
    batchY: new Float32Array(maxShard * spec.outputSize),
    output: new Float32Array(maxShard * spec.outputSize),
  }
}

/** The job's attachment: created from `memory` when given, else the cached one, else null. */
export function attachedJob(jobKey: string, memory: JobMemory | undefined): Promise<AttachedJob> | null {
  if (memory) {
    const pending = attach(memory)
    attached.delete(jobKey)
    attached.set(jobKey, pending)
    // A failed backend must not stay cached, or every later task of the job would fail the same way.
    pending.catch(() => attached.delete(jobKey))
    while (attached.size > MAX_ATTACHED_JOBS) attached.delete(attached.keys().next().value as string)
    return pending
  }
  return attached.get(jobKey) ?? null
}
