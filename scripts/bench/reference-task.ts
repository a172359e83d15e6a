/**
 * The task both engine benchmarks share with the PyTorch reference (torch_lstm_bench.py):
 * the configurations of bench/configs.json and the synthetic series, reproduced bit for bit.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { mulberry32 } from '../../worker/engine/prng'

export interface BenchConfig {
  name: string
  layers: number
  units: number
  lookback: number
  horizon: number
  batch: number
  maxWindows: number
}

export const SEED = 12345
/** Every configuration has exactly this many sliding windows over its series. */
export const WINDOWS = 20_000

export function readBenchConfigs(): BenchConfig[] {
  const file = path.join(__dirname, '../../bench/configs.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { configs: BenchConfig[] }).configs
}

/** s[t] = sin(2πt/24) + 0.5 sin(2πt/168) + 0.2 z[t] (mulberry32 + Box-Muller), z-scored with the population std, float32. */
export function makeSeries(length: number): Float32Array {
  const random = mulberry32(SEED)
  const raw = new Float64Array(length)
  for (let t = 0; t < length; t++) {
    const u1 = random()
    const u2 = random()
    const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2)
    raw[t] = Math.sin((2 * Math.PI * t) / 24) + 0.5 * Math.sin((2 * Math.PI * t) / 168) + 0.2 * z
  }
  let mean = 0
  for (const v of raw) mean += v
  mean /= length
  let variance = 0
  for (const v of raw) variance += (v - mean) ** 2
  const std = Math.sqrt(variance / length)
  return Float32Array.from(raw, (v) => (v - mean) / std)
}
