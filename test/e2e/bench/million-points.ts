/**
 * Responsiveness benchmark (not a test): imports a 1,000,000-row series through the UI, then
 * zooms and pans its chart, recording long tasks (> 50 ms on the page's main thread) while
 * loading and while interacting. LTTB decimation is what should keep the interaction fluid.
 *
 *   npx electron-vite build && npx tsx test/e2e/bench/million-points.ts [rows]
 */
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

const root = path.resolve(__dirname, '../../..')
const rows = Number(process.argv[2] ?? 1_000_000)

async function startServer(dataDir: string) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'out/main/serve.js'), '--port', '0', '--data-dir', dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /running at (http\S+)/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}`)))
  })
  return { child, url }
}

function writeSeries(file: string): void {
  const lines = ['time,value']
  const start = Date.UTC(2020, 0, 1)
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + i * 60_000).toISOString().slice(0, 19)
    lines.push(`${t},${(Math.sin(i / 1440) * 50 + Math.sin(i / 60) * 5 + 100).toFixed(3)}`)
  }
  writeFileSync(file, lines.join('\n') + '\n')
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-bench-'))
  const csv = path.join(dataDir, 'million.csv')
  writeSeries(csv)
  const { child, url } = await startServer(dataDir)
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  const longTasks = () =>
    page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0))
  const summary = (tasks: number[]) => ({
    longTasks: tasks.length,
    over100ms: tasks.filter((ms) => ms > 100).length,
    maxMs: Math.round(Math.max(0, ...tasks)),
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  try {
    await page.goto(url)
    await page.getByTestId('project-name').waitFor()
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration)
      }).observe({ type: 'longtask', buffered: false })
    })
    const started = Date.now()
    await page.getByTestId('nav-data').click()
    await page.getByTestId('open-import').click()
    await page.getByTestId('import-path').fill(csv)
    await page.getByTestId('import-inspect').click()
    await page.getByTestId('import-run').click()
    await page.getByTestId('dataset-million').waitFor({ timeout: 120_000 })
    await page.getByTestId('series-length').waitFor()
    const loadSeconds = (Date.now() - started) / 1000
    const loading = await longTasks()
    const chart = page.getByTestId('series-chart')
    const box = (await chart.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const interactionStart = Date.now()
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 10 })
    await page.mouse.up()
    await page.waitForTimeout(500)
    const interacting = await longTasks()
    console.log(
      JSON.stringify({
        bench: 'chart',
        rows,
        importAndDrawSeconds: loadSeconds,
        loading: summary(loading),
        interaction: { ...summary(interacting), seconds: (Date.now() - interactionStart) / 1000 },
      }),
    )
  } finally {
    await browser.close()
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
