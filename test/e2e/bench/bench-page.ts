import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

const root = path.resolve(__dirname, '../../..')

export interface BenchPage {
  page: Page
  dataDir: string
  /** Long tasks (ms) since the last call. */
  takeLongTasks(): Promise<number[]>
  close(): Promise<void>
}

/**
 * The built app served on a fresh data folder, opened in Debian's Chromium, with a
 * PerformanceObserver collecting long tasks (> 50 ms on the page's main thread).
 */
export async function openBenchPage(): Promise<BenchPage> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-bench-'))
  const { child, url } = await startServer(dataDir)
  const browser: Browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(url)
  await page.getByTestId('project-name').waitFor()
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: false })
  })
  return {
    page,
    dataDir,
    takeLongTasks: () =>
      page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0)),
    close: async () => {
      await browser.close()
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function summarise(tasks: number[]) {
  return {
    longTasks: tasks.length,
    over100ms: tasks.filter((ms) => ms > 100).length,
    totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
    maxMs: Math.round(Math.max(0, ...tasks)),
  }
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
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
