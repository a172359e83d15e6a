/**
 * Responsiveness benchmark (not a test): trains a model from the UI and records every long
 * task (> 50 ms on the main thread) the page had while the loss chart was updating.
 *
 *   npx electron-vite build && npx tsx test/e2e/bench/long-tasks.ts [epochs]
 *
 * Prints the count, total and longest long task, and the loss points drawn meanwhile.
 */
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

const root = path.resolve(__dirname, '../../..')
const epochs = Number(process.argv[2] ?? 30)

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

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-bench-'))
  const { child, url } = await startServer(dataDir)
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await browser.newPage()
    await page.goto(url)
    await page.getByTestId('project-name').waitFor()
    await page.getByTestId('nav-model').click()
    await page.getByTestId('preset-small').click()
    await page.getByTestId('field-epochs').fill(String(epochs))
    await page.getByTestId('field-patience').fill('0')
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration)
      }).observe({ type: 'longtask', buffered: false })
    })
    await page.getByTestId('start-training').click()
    const state = page.getByTestId('training-state')
    await state.waitFor()
    await page.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid="training-state"]')?.getAttribute('data-state')
        return s === 'completed' || s === 'stopped' || s === 'failed' || s === 'cancelled'
      },
      undefined,
      { timeout: 0 },
    )
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)
    const points = await page.getByTestId('loss-point-count').getAttribute('data-count')
    console.log(
      JSON.stringify({
        epochs,
        finalState: await state.getAttribute('data-state'),
        lossPoints: Number(points),
        longTasks: tasks.length,
        totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
        maxMs: Math.round(Math.max(0, ...tasks)),
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
