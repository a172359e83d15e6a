import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'
import type { AppOptions } from './test/e2e/fixtures'

/**
 * The same end-to-end specs run twice: `web` drives a real Chromium against the loopback
 * server adapter (always), `electron` drives the desktop app. The global set-up runs Electron's
 * installer where the binary is missing; where that fails, every `electron` test skips with the
 * installer's error as its reason.
 */
function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/bin/chromium']
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate))
}

const chromiumLaunch = {
  executablePath: chromiumPath(),
  // As root (CI) Chromium needs --no-sandbox; the rest keeps it off a network it cannot reach.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

export default defineConfig<AppOptions>({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // A stray test.only must not turn CI's run into a run of one test.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  globalSetup: './test/e2e/global-setup.ts',
  use: { screenshot: 'on', trace: 'retain-on-failure' },
  projects: [
    {
      name: 'web',
      use: {
        appKind: 'web',
        browserName: 'chromium',
        launchOptions: chromiumLaunch,
      },
    },
    // The same Chromium settings: the fixture's default page exists before the test can skip.
    {
      name: 'electron',
      use: { appKind: 'electron', browserName: 'chromium', launchOptions: chromiumLaunch },
    },
  ],
})
