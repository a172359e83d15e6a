/**
 * Import benchmark: writes a 1,000,000-row CSV (time + 5 numeric columns) to a temp dir, imports it
 * through the streaming importer and prints one JSON line with the wall time and peak RSS. Then,
 * in a fresh process (so its peak RSS is its own), a long-form panel of 10,000 series × 500 points
 * (`id,date,value`, 5 million rows) read by the panel reader the app and the CLI use.
 * Run: npm run bench -- import [--panel-series=N] [--panel-points=N] [--panel-ahead=K] [--skip-single]
 * --panel-ahead=K adds a covariate known ahead (`promo`) and K future rows per series (empty value).
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { spawnSync } from 'node:child_process'
import { importCsv } from '../../electron/services/data'
import { readPanelCsv } from '../../electron/services/data/panel/read-panel'

const ROWS = 1_000_000
const NUMERIC_COLUMNS = 5
const START = Date.UTC(2020, 0, 1)
const MINUTE = 60_000

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path)
  const header = ['time', ...Array.from({ length: NUMERIC_COLUMNS }, (_, j) => `x${j + 1}`)].join(',')
  let buffer = header + '\n'
  for (let i = 0; i < ROWS; i++) {
    const time = new Date(START + i * MINUTE).toISOString().slice(0, 19)
    let line = time
    for (let j = 0; j < NUMERIC_COLUMNS; j++) line += ',' + (Math.sin(i / (50 + j)) * 100 + j * 10).toFixed(3)
    buffer += line + '\n'
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  out.end(buffer)
  await once(out, 'finish')
}

function startRssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage().rss)
    },
  }
}

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg ? Number(arg.slice(name.length + 3)) : fallback
}

/**
 * Weekly series with their own level, trend and season, one row per (series, week). With `ahead`
 * > 0 each row also carries a promotion flag, and each series `ahead` more rows with the flag and
 * no value (its future rows).
 */
async function writePanelCsv(path: string, series: number, points: number, ahead: number): Promise<void> {
  const out = createWriteStream(path)
  let buffer = ahead > 0 ? 'id,date,promo,value\n' : 'id,date,value\n'
  const WEEK = 7 * 24 * MINUTE * 60
  for (let s = 0; s < series; s++) {
    const level = 100 + (s % 97) * 10
    for (let t = 0; t < points + ahead; t++) {
      const date = new Date(START + t * WEEK).toISOString().slice(0, 10)
      const promo = (s + t) % 7 === 0 ? 1 : 0
      const value =
        t < points
          ? (level * (1 + 0.2 * promo) + 0.1 * t + 5 * Math.sin((2 * Math.PI * t) / 52)).toFixed(2)
          : ''
      buffer += ahead > 0 ? `S${s},${date},${promo},${value}\n` : `S${s},${date},${value}\n`
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain')
        buffer = ''
      }
    }
  }
  out.end(buffer)
  await once(out, 'finish')
}

async function benchPanel(): Promise<void> {
  const series = option('panel-series', 10_000)
  const points = option('panel-points', 500)
  const ahead = option('panel-ahead', 0)
  const dir = await mkdtemp(join(tmpdir(), 'lstm-bench-panel-'))
  try {
    const path = join(dir, 'panel.csv')
    await writePanelCsv(path, series, points, ahead)
    const sampler = startRssSampler()
    const started = performance.now()
    const panel = await readPanelCsv(path, ahead > 0 ? { target: 'value' } : {})
    const seconds = (performance.now() - started) / 1000
    const peakRssMB = sampler.stop() / (1024 * 1024)
    if (panel.series.length !== series)
      throw new Error(`the panel reader found ${panel.series.length} series`)
    const result = {
      bench: 'import-panel',
      series,
      points,
      rows: panel.rowCount,
      ...(ahead > 0 ? { covariates: panel.covariates } : {}),
      seconds: Number(seconds.toFixed(3)),
      peakRssMB: Math.round(peakRssMB),
      targets: { seconds: 15, peakRssMB: 2048 },
    }
    process.stdout.write(JSON.stringify(result) + '\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--panel-only')) return benchPanel()
  if (!process.argv.includes('--skip-single')) await benchSingle()
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', __filename, '--panel-only', ...process.argv.slice(2)],
    { stdio: 'inherit' },
  )
  if (child.status !== 0) throw new Error(`the panel import bench failed (status ${String(child.status)})`)
}

async function benchSingle(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lstm-bench-import-'))
  try {
    const path = join(dir, 'bench.csv')
    await writeCsv(path)
    const sampler = startRssSampler()
    const started = performance.now()
    const outcome = await importCsv(path, {}, { onProgress: () => {} })
    const seconds = (performance.now() - started) / 1000
    const peakRssMB = sampler.stop() / (1024 * 1024)
    if (outcome.status !== 'ok' || outcome.dataset.rowCount !== ROWS)
      throw new Error('bench import did not produce the dataset')
    const result = {
      bench: 'import',
      rows: outcome.dataset.rowCount,
      columns: outcome.dataset.columns.length,
      seconds: Number(seconds.toFixed(3)),
      peakRssMB: Math.round(peakRssMB),
    }
    process.stdout.write(JSON.stringify(result) + '\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
