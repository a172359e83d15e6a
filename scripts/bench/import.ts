/**
 * Import benchmark: writes a 1,000,000-row CSV (time + 5 numeric columns) to a temp dir, imports it
 * through the streaming importer and prints one JSON line with the wall time and peak RSS.
 * Run: npm run bench -- import   (or npx tsx scripts/bench/import.ts)
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { importCsv } from '../../electron/services/data'

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

async function main(): Promise<void> {
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
