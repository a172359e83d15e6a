// Training-service benchmark: the PyTorch reference task (/work/shared/bench/torch_lstm_bench.py
// docstring; configs in bench/configs.json) trained by TrainingService on 1 and 2 pool threads,
// 1 warm-up epoch + 3 timed. One JSON line per (config, threads) on stdout, progress on stderr.
// Usage: npm run bench -- training [--configs c2] [--threads 1,2] [--max-windows N]
//        [--backend auto|wasm|reference] [--shard-size N]
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { makeSeries, readBenchConfigs, SEED, WINDOWS } from './reference-task'
import type { BenchConfig } from './reference-task'
import { trainingConfigSchema, type TrainingEpochEvent } from '../../electron/api/requests/training'
import { epochsOf } from '../../electron/api/requests/training-epochs'
import { TrainingService } from '../../electron/services/training/training-service'
import { trainSettingsOf } from '../../electron/services/training/train-settings'
import { trainingFlopsPerWindow } from '../../electron/services/training/worker-count'
import type { TrainingWindows } from '../../worker/training/windows'

const TIMED_EPOCHS = 3
const root = fileURLToPath(new URL('../..', import.meta.url))
const log = (message: string): void => void process.stderr.write(`${message}\n`)

function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag)
  return index >= 0 ? process.argv[index + 1] : undefined
}

/** The first `count` of the 20,000 sliding windows: input s[i … i+L), target s[i+L … i+L+H). */
function makeWindows(cfg: BenchConfig, count: number): TrainingWindows {
  const { lookback: L, horizon: H } = cfg
  const series = makeSeries(WINDOWS + L + H - 1)
  const x = new Float32Array(count * L)
  const y = new Float32Array(count * H)
  for (let i = 0; i < count; i++) {
    x.set(series.subarray(i, i + L), i * L)
    y.set(series.subarray(i + L, i + L + H), i * H)
  }
  return { inputSize: 1, train: { x, y }, validation: null }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function benchOne(
  cfg: BenchConfig,
  threads: number,
  windows: TrainingWindows,
  count: number,
): Promise<void> {
  const epochSeconds: number[] = []
  // Measured over the timed epochs: the warm-up also holds the workers' start and compilation.
  const delay = monitorEventLoopDelay({ resolution: 5 })
  const service = new TrainingService({
    workerFilename: join(root, 'worker/tasks/train-worker.ts'),
    execArgv: ['--import', 'tsx'],
    poolSize: threads,
    events: {
      publish: (name, payload) => {
        if (name !== 'training.epoch') return
        // Fast epochs arrive in groups (the 10 events/s limit): each carries its own duration.
        for (const epoch of epochsOf(payload as TrainingEpochEvent)) epochSeconds.push(epoch.seconds ?? NaN)
        delay.enable()
      },
    },
  })
  const config = trainingConfigSchema.parse({
    layers: Array.from({ length: cfg.layers }, () => ({
      cell: 'lstm' as const,
      units: cfg.units,
      dropout: 0,
    })),
    lookback: cfg.lookback,
    horizon: cfg.horizon,
    batchSize: cfg.batch,
    epochs: 1 + TIMED_EPOCHS,
    optimizer: { kind: 'adam', lr: 1e-3 },
    seed: SEED,
    workers: threads,
    backend: (option('--backend') ?? 'auto') as 'auto' | 'wasm' | 'reference',
    shardSize: option('--shard-size') ? Number(option('--shard-size')) : undefined,
  })
  const status = service.start({ jobId: `bench-${cfg.name}-${threads}`, windows, config })
  const final = await service.finished(status.jobId)
  delay.disable()
  await service.dispose()
  if (final.state !== 'completed') throw new Error(`${cfg.name}: job ended ${final.state}: ${final.message}`)
  const timed = epochSeconds.slice(1)
  const secondsPerEpoch = median(timed)
  const result = {
    bench: 'training',
    config: cfg.name,
    threads,
    windowsPerSec: Math.round(count / secondsPerEpoch),
    secondsPerEpoch: Number(secondsPerEpoch.toFixed(3)),
    gflops: Number(
      (
        (count * trainingFlopsPerWindow(trainSettingsOf(config, { inputSize: 1 }))) /
        1e9 /
        secondsPerEpoch
      ).toFixed(2),
    ),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    eventLoopP99Ms: Number((delay.percentile(99) / 1e6).toFixed(2)),
    backend: final.backend,
    loadAvg1m: Number(loadavg()[0].toFixed(1)),
  }
  log(
    `${cfg.name} × ${threads} threads: ${result.windowsPerSec} windows/s (${timed.map((s) => s.toFixed(2)).join(', ')} s/epoch)`,
  )
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

async function main(): Promise<void> {
  const file = { configs: readBenchConfigs() }
  const wanted = option('--configs')?.split(',')
  const threadCounts = (option('--threads') ?? '1,2').split(',').map(Number)
  const maxWindows = option('--max-windows')
  for (const cfg of file.configs.filter((c) => !wanted || wanted.includes(c.name))) {
    const count = Math.min(WINDOWS, maxWindows ? Number(maxWindows) : cfg.maxWindows)
    const windows = makeWindows(cfg, count)
    for (const threads of threadCounts) await benchOne(cfg, threads, windows, count)
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
