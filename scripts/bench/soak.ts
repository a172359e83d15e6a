/**
 * Soak: many short training jobs back to back in one TrainingService, with pause/resume/cancel
 * storms in between, watching memory, threads, listeners and event-loop delay.
 *
 *   node --expose-gc --import tsx scripts/bench/soak.ts [--jobs 200] [--storm-every 10] [--pool 1]
 *
 * stdout: one JSON summary; stderr: the curve (every 10th job). Without --expose-gc the heap
 * figures include garbage and the slope is noisy.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { TrainingConfigInput, TrainingState } from '../../electron/api/requests/training'
import { EventBus } from '../../electron/services/event-bus'
import { TrainingService } from '../../electron/services/training/training-service'
import type { TrainingWindows } from '../../worker/training/windows'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const TSX_LOADER = path.join(root, 'node_modules/tsx/dist/loader.mjs')

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`)
  return value
}

function windows(count: number, lookback: number, horizon: number, seed: number): TrainingWindows {
  const series = Array.from(
    { length: count + lookback + horizon },
    (_, t) => Math.sin((t + seed) / 3) + 0.1 * Math.cos(t * 1.7),
  )
  const x = new Float32Array(count * lookback)
  const y = new Float32Array(count * horizon)
  for (let i = 0; i < count; i++) {
    for (let t = 0; t < lookback; t++) x[i * lookback + t] = series[i + t]!
    for (let h = 0; h < horizon; h++) y[i * horizon + h] = series[i + lookback + h]!
  }
  return {
    inputSize: 1,
    train: { x, y },
    validation: { x: x.slice(0, 8 * lookback), y: y.slice(0, 8 * horizon) },
  }
}

function config(epochs: number, seed: number): TrainingConfigInput {
  return {
    layers: [{ cell: 'lstm', units: 4 }],
    lookback: 8,
    horizon: 2,
    batchSize: 16,
    epochs,
    optimizer: { kind: 'adam', lr: 0.01 },
    seed,
    backend: 'reference',
    shardSize: 8,
  }
}

const MB = 1024 * 1024
const gc = (globalThis as { gc?: () => void }).gc

function sample(): { heapMB: number; rssMB: number } {
  gc?.()
  const usage = process.memoryUsage()
  return { heapMB: usage.heapUsed / MB, rssMB: usage.rss / MB }
}

/** Least-squares slope of y over x. */
function slope(ys: number[]): number {
  const n = ys.length
  if (n < 2) return 0
  const meanX = (n - 1) / 2
  const meanY = ys.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY)
    den += (x - meanX) ** 2
  })
  return num / den
}

function processListeners(): number {
  return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0)
}

/** Threads of the service's piscina pool (0 before the first job). Reaches into privates on purpose. */
function poolThreads(service: TrainingService): number {
  const pool = (service as unknown as { pool: { pool: { threads: unknown[] } | null } }).pool.pool
  return pool?.threads.length ?? 0
}

export interface SoakSummary {
  bench: 'soak'
  jobs: number
  storms: number
  gcExposed: boolean
  heapStartMB: number
  heapEndMB: number
  rssStartMB: number
  rssEndMB: number
  /** Heap growth per job, linear fit over the last 20 jobs (after GC). */
  slopeKBPerJob: number
  /** Same fit over every job. */
  slopeAllKBPerJob: number
  threads: { poolSize: number; afterFirstJob: number; end: number }
  listeners: { busStart: number; busEnd: number; processStart: number; processEnd: number }
  eventLoopP99Ms: number
  states: Record<string, number>
}

export async function soak(jobs: number, stormEvery: number, poolSize: number): Promise<SoakSummary> {
  const bus = new EventBus()
  const states: Record<string, number> = {}
  const waiters = new Map<string, { want: TrainingState; resolve: () => void }>()
  // One viewer, as a window would have; it also lets the storms wait on state events (no sleeps).
  const unsubscribe = bus.subscribe((name, payload) => {
    if (name !== 'training.state') return
    const { jobId, state } = payload as { jobId: string; state: TrainingState }
    const waiter = waiters.get(jobId)
    if (
      waiter &&
      (waiter.want === state || ['completed', 'cancelled', 'failed', 'stopped'].includes(state))
    ) {
      waiters.delete(jobId)
      waiter.resolve()
    }
  })
  const stateOf = (jobId: string, want: TrainingState) =>
    new Promise<void>((resolve) => waiters.set(jobId, { want, resolve }))

  const busStart = bus.listenerCount
  const processStart = processListeners()
  const service = new TrainingService({
    workerFilename: path.join(root, 'worker/tasks/train-worker.ts'),
    execArgv: ['--import', TSX_LOADER],
    poolSize,
    events: bus,
  })
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'lstm-soak-'))
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const heap: number[] = []
  let start = { heapMB: 0, rssMB: 0 }
  let end = start
  let afterFirstJob = 0
  let storms = 0
  let threadsEnd = 0
  let busEnd = 0
  try {
    delay.enable()
    for (let job = 0; job < jobs; job++) {
      const jobId = `soak-${job}`
      // Every 5th job keeps checkpoints, so the writer's queue and files are part of the soak.
      const checkpointDir = job % 5 === 0 ? path.join(runDir, jobId) : undefined
      if (checkpointDir) await mkdir(checkpointDir)
      service.start({
        jobId,
        config: config(1 + (job % 2), job),
        windows: windows(48, 8, 2, job),
        checkpointDir,
      })
      const status = await service.finished(jobId)
      states[status.state] = (states[status.state] ?? 0) + 1
      if (job === 0) afterFirstJob = poolThreads(service)

      if (stormEvery > 0 && job % stormEvery === stormEvery - 1) {
        storms++
        // Start, pause, resume, cancel, and immediately start another that is cancelled while queued.
        const stormId = `storm-${job}`
        const running = stateOf(stormId, 'running')
        service.start({ jobId: stormId, config: config(50, job), windows: windows(64, 8, 2, job) })
        await running
        const paused = stateOf(stormId, 'paused')
        service.pause(stormId)
        await paused
        service.resume(stormId)
        service.cancel(stormId)
        const nextId = `storm-${job}-next`
        service.start({ jobId: nextId, config: config(50, job), windows: windows(64, 8, 2, job) })
        service.cancel(nextId)
        for (const id of [stormId, nextId]) {
          const ended = await service.finished(id)
          states[ended.state] = (states[ended.state] ?? 0) + 1
        }
      }

      const now = sample()
      if (job === 0) start = now
      heap.push(now.heapMB)
      end = now
      if (job % 10 === 0 || job === jobs - 1)
        process.stderr.write(
          `${JSON.stringify({ job, heapMB: +now.heapMB.toFixed(2), rssMB: +now.rssMB.toFixed(1), threads: poolThreads(service) })}\n`,
        )
    }
  } finally {
    delay.disable()
    threadsEnd = poolThreads(service)
    await service.dispose()
    await rm(runDir, { recursive: true, force: true })
    busEnd = bus.listenerCount
    unsubscribe()
  }
  return {
    bench: 'soak',
    jobs,
    storms,
    gcExposed: gc !== undefined,
    heapStartMB: round(start.heapMB),
    heapEndMB: round(end.heapMB),
    rssStartMB: round(start.rssMB),
    rssEndMB: round(end.rssMB),
    slopeKBPerJob: round(slope(heap.slice(-20)) * 1024),
    slopeAllKBPerJob: round(slope(heap) * 1024),
    threads: { poolSize, afterFirstJob, end: threadsEnd },
    listeners: {
      busStart,
      busEnd,
      processStart,
      processEnd: processListeners(),
    },
    eventLoopP99Ms: round(delay.percentile(99) / 1e6),
    states,
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  soak(option('jobs', 200), option('storm-every', 10), option('pool', 1))
    .then((summary) => process.stdout.write(`${JSON.stringify(summary)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
      process.exitCode = 1
    })
}
