import { _electron, expect, test as base } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { electronBinaryPath } from '../../scripts/electron/binary.cjs'
import { electronCommandLine } from '../../scripts/electron/command-line.cjs'
import { electronUnavailableReason } from './electron-availability'

export type AppKind = 'web' | 'electron'

const root = path.resolve(__dirname, '../..')
interface Fixtures {
  appPage: Page
  server: { url: string; process: ChildProcess }
}

export interface AppOptions {
  appKind: AppKind
}

/**
 * `appPage` is the app's window: a Chromium tab on the loopback server for `web`, the
 * Electron window for `electron`. Specs use only `appPage`, so they run unchanged on both.
 */
export const test = base.extend<Fixtures & AppOptions>({
  appKind: ['web', { option: true }],
  server: [
    async ({ appKind }, use, testInfo) => {
      // Skip as early as possible where the desktop app cannot start: no server, no browser.
      const unavailable = appKind === 'electron' ? electronUnavailableReason() : null
      testInfo.skip(unavailable !== null, unavailable ?? '')
      // A fresh data folder per test: every spec starts as a new user does, on the sample project.
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-e2e-'))
      const child = spawn(
        process.execPath,
        [path.join(root, 'out/main/serve.js'), '--port', '0', '--data-dir', dataDir],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      const url = await firstUrl(child)
      await use({ url, process: child })
      // Wait for the server to exit: a training run still writing its folder would race the removal.
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      if (child.exitCode === null) await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
    { scope: 'test' },
  ],
  appPage: async ({ appKind, server, page }, use, testInfo) => {
    if (appKind === 'web') {
      const problems = watchForErrors(page)
      await page.goto(server.url)
      await use(page)
      expectNoErrors(problems)
      return
    }
    const binary = electronBinaryPath()
    testInfo.skip(!binary, electronUnavailableReason() ?? '')
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-e2e-electron-'))
    const app: ElectronApplication = await _electron.launch({
      executablePath: binary!,
      // As root (CI), with --no-sandbox: the global set-up printed that.
      args: electronCommandLine(root).args,
      cwd: root,
      env: { ...process.env, LSTM_STUDIO_DATA_DIR: dataDir },
    })
    const window = await app.firstWindow()
    const problems = watchForErrors(window)
    await use(window)
    await app.close()
    expectNoErrors(problems)
    rmSync(dataDir, { recursive: true, force: true })
  },
})

/**
 * Every console error, uncaught exception and unhandled rejection the page shows, as text. A
 * screen that works but logs a TypeError is a bug the user sees in the developer tools and we
 * would otherwise never notice, so every spec fails on one.
 */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console.error: ${message.text()} (${message.location().url || 'no location'})`)
  })
  // Uncaught exceptions and unhandled rejections both reach Playwright as page errors.
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`))
  return problems
}

function expectNoErrors(problems: string[]): void {
  expect(problems, 'the page logged errors').toEqual([])
}

function firstUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = /running at (http\S+)/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) =>
      reject(new Error(`serve.js exited with code ${code} before printing its URL`)),
    )
  })
}

export { expect } from '@playwright/test'
