// Engine benchmark: the PyTorch reference task (/work/shared/bench/torch_lstm_bench.py docstring;
// configs in bench/configs.json) on one thread. One JSON line per config on stdout, progress on
// stderr. Usage: npm run bench -- engine [--configs c2,c3] [--max-windows N] [--backend wasm|reference]
//        [--flavor simd|relaxed-simd] [--epochs 3]
import { readFileSync } from 'node:fs'
import { paramCount } from '../../worker/engine/layout'
import { createOptimizer } from '../../worker/engine/optimizers'
import { mulberry32, shuffleInPlace } from '../../worker/engine/prng'
import { makeSeries, readBenchConfigs, SEED, WINDOWS } from './reference-task'
import type { BenchConfig } from './reference-task'
import { createReferenceBackend } from '../../worker/engine/reference-backend'
import type { Backend, ModelSpec } from '../../worker/engine/types'
import { createWasmBackend } from '../../worker/engine/wasm/fast-backend'
import type { KernelFlavor } from '../../worker/engine/wasm/loader'

interface Options {
  configs: string[] | null
  maxWindows: number | null
  backend: 'wasm' | 'reference'
  flavor: KernelFlavor | undefined
  epochs: number
}

const log = (message: string): void => void process.stderr.write(`${message}\n`)

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag)
    return index >= 0 ? argv[index + 1] : undefined
  }
  const backend = value('--backend') ?? 'wasm'
  if (backend !== 'wasm' && backend !== 'reference') throw new Error(`--backend must be wasm or reference`)
  const flavor = value('--flavor')
  if (flavor !== undefined && flavor !== 'simd' && flavor !== 'relaxed-simd') throw new Error('bad --flavor')
  const maxWindows = value('--max-windows')
  return {
    configs:
      value('--configs')
        ?.split(',')
        .map((name) => name.trim()) ?? null,
    maxWindows: maxWindows === undefined ? null : Number(maxWindows),
    backend,
    flavor,
    epochs: Number(value('--epochs') ?? 3),
  }
}

/** Fills x [count, L, 1] and y [count, H] with the windows `indices[from … from+count)`. */
function gather(
  series: Float32Array,
  cfg: BenchConfig,
  indices: Uint32Array,
  from: number,
  count: number,
  x: Float32Array,
  y: Float32Array,
): void {
  const { lookback: L, horizon: H } = cfg
  for (let b = 0; b < count; b++) {
    const start = indices[from + b]
    x.set(series.subarray(start, start + L), b * L)
    y.set(series.subarray(start + L, start + L + H), b * H)
  }
}

/** PyTorch's default init: every LSTM and head value uniform in ±1/√fan (fan = units / head inputs). */
function pytorchLikeInit(params: Float32Array, units: number): void {
  const random = mulberry32(0)
  const bound = 1 / Math.sqrt(units)
  for (let i = 0; i < params.length; i++) params[i] = (2 * random() - 1) * bound
}

/** Cores busy with other processes (from /proc/stat minus our own CPU time) while `run` ran. */
function measure(run: () => void): { seconds: number; ownCpuSeconds: number; otherCpu: number } {
  const busy = (): number => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8')
        .split('\n')[0]
        .trim()
        .split(/\s+/)
        .slice(1)
        .map(Number)
      return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / 100
    } catch {
      return Number.NaN
    }
  }
  const busy0 = busy()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  run()
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const own = (cpu.user + cpu.system) / 1e6
  return { seconds, ownCpuSeconds: own, otherCpu: Math.max(0, busy() - busy0 - own) / seconds }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function forwardFlopsPerWindow(cfg: BenchConfig): number {
  let perStep = 0
  for (let k = 0; k < cfg.layers; k++) perStep += 8 * cfg.units * ((k === 0 ? 1 : cfg.units) + cfg.units)
  return cfg.lookback * perStep + 2 * cfg.units * cfg.horizon
}

async function runConfig(cfg: BenchConfig, series: Float32Array, options: Options): Promise<void> {
  const n = Math.min(options.maxWindows ?? cfg.maxWindows, 20000) || 20000
  const spec: ModelSpec = {
    inputSize: 1,
    outputSize: cfg.horizon,
    layers: Array.from({ length: cfg.layers }, () => ({
      cell: 'lstm' as const,
      units: cfg.units,
      dropout: 0,
    })),
  }
  const backend: Backend =
    options.backend === 'wasm'
      ? await createWasmBackend(spec, { flavor: options.flavor })
      : createReferenceBackend(spec, 'float32')
  const params = new Float32Array(paramCount(spec))
  const grads = new Float32Array(params.length)
  pytorchLikeInit(params, cfg.units)
  const adam = createOptimizer({ name: 'adam', lr: 1e-3 }, params.length)
  const { batch: B, lookback: L, horizon: H } = cfg
  const x = new Float32Array(B * L)
  const y = new Float32Array(B * H)
  const order = Uint32Array.from({ length: n }, (_, i) => i)
  const shuffle = mulberry32(SEED)
  let loss = Number.NaN

  const trainEpoch = (): void => {
    shuffleInPlace(order, shuffle)
    for (let from = 0; from < n; from += B) {
      const count = Math.min(B, n - from)
      const xs = x.subarray(0, count * L)
      const ys = y.subarray(0, count * H)
      gather(series, cfg, order, from, count, xs, ys)
      loss = backend.lossAndGradients(
        params,
        grads,
        { x: xs, y: ys, batch: count, steps: L },
        { loss: 'mse', training: true },
      )
      adam.step(params, grads)
    }
  }
  const inOrder = Uint32Array.from({ length: n }, (_, i) => i)
  const out = new Float32Array(B * H)
  const inferPass = (): void => {
    for (let from = 0; from < n; from += B) {
      const count = Math.min(B, n - from)
      gather(series, cfg, inOrder, from, count, x, y)
      backend.forward(params, x.subarray(0, count * L), count, L, out.subarray(0, count * H))
    }
  }

  log(
    `# ${cfg.name}: ${cfg.layers}×${cfg.units} L=${cfg.lookback} H=${cfg.horizon} B=${B} N=${n} on ${backend.name}`,
  )
  const warm = measure(trainEpoch)
  const lossFirst = loss
  log(`  warm-up epoch ${warm.seconds.toFixed(3)} s, loss ${lossFirst.toFixed(4)}`)
  const epochs = Array.from({ length: options.epochs }, () => measure(trainEpoch))
  inferPass()
  const passes = Array.from({ length: 3 }, () => measure(inferPass))
  const secondsPerEpoch = median(epochs.map((e) => e.seconds))
  const inferSeconds = median(passes.map((p) => p.seconds))
  const otherCpu = Math.max(...epochs.map((e) => e.otherCpu), ...passes.map((p) => p.otherCpu))
  log(
    `  epochs ${epochs.map((e) => e.seconds.toFixed(3)).join(' ')} s, loss ${lossFirst.toFixed(4)} → ${loss.toFixed(4)}, ` +
      `other processes used ${otherCpu.toFixed(2)} cores`,
  )
  const result = {
    bench: 'engine',
    config: cfg.name,
    threads: 1,
    backend: backend.name,
    windows: n,
    windowsPerSec: round(n / secondsPerEpoch),
    inferWindowsPerSec: round(n / inferSeconds),
    secondsPerEpoch: round(secondsPerEpoch, 4),
    gflops: round((n * 3 * forwardFlopsPerWindow(cfg)) / 1e9 / secondsPerEpoch, 2),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    otherCpu: round(otherCpu, 2),
    // Windows per second of our own CPU time: steadier than wall time while others load the machine.
    cpuWindowsPerSec: round(n / median(epochs.map((e) => e.ownCpuSeconds))),
    inferCpuWindowsPerSec: round(n / median(passes.map((p) => p.ownCpuSeconds))),
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits))

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const file = { windows: WINDOWS, configs: readBenchConfigs() }
  const defaults = options.backend === 'reference' ? ['tiny', 'c1'] : file.configs.map((c) => c.name)
  const names = options.configs ?? defaults
  const seriesCache = new Map<string, Float32Array>()
  for (const name of names) {
    const cfg = file.configs.find((candidate) => candidate.name === name)
    if (!cfg) throw new Error(`Unknown config "${name}" (have ${file.configs.map((c) => c.name).join(', ')})`)
    const length = file.windows + cfg.lookback + cfg.horizon - 1
    if (!seriesCache.has(`${length}`)) seriesCache.set(`${length}`, makeSeries(length))
    await runConfig(cfg, seriesCache.get(`${length}`) as Float32Array, options)
  }
}

main().catch((error: unknown) => {
  log(String(error instanceof Error ? (error.stack ?? error.message) : error))
  process.exit(1)
})
