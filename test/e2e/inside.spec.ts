import type { Page } from '@playwright/test'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { expectChartDrawn, repoRoot, shoot, waitForProject } from './helpers'

/**
 * Inside the cell, on the sample project: train the small model from the view, then read
 * the heat maps, the live diagram and the gradient flow, and overlay the RNN/LSTM comparison.
 * The view is reached at #/inside; INSIDE_HARNESS=1 mounts it from its own test entry instead
 * (for when the app does not route it yet).
 */
const useHarness = process.env.INSIDE_HARNESS === '1'

/** Bundles renderer/src/inside/e2e-harness.ts with the renderer's Vue plugin; returns its JS and CSS. */
async function buildHarness(): Promise<{ js: string; css: string }> {
  const { build } = await import('vite')
  const { default: vue } = await import('@vitejs/plugin-vue')
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-inside-harness-'))
  try {
    await build({
      configFile: false,
      root: repoRoot,
      logLevel: 'warn',
      plugins: [vue()],
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: true,
        cssCodeSplit: false,
        lib: { entry: 'renderer/src/inside/e2e-harness.ts', formats: ['es'], fileName: () => 'harness.js' },
      },
    })
    const files = readdirSync(outDir)
    const read = (ext: string) =>
      files
        .filter((file) => file.endsWith(ext))
        .map((file) => readFileSync(path.join(outDir, file), 'utf8'))
        .join('\n')
    return { js: read('.js'), css: read('.css') }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

async function openInside(page: Page): Promise<void> {
  if (!useHarness) {
    await page.evaluate(() => {
      window.location.hash = '#/inside'
    })
    return
  }
  const { js, css } = await buildHarness()
  // The app's CSP allows only same-origin scripts: the bundle is served from the app's origin.
  const url = new URL('/inside-harness.js', page.url()).href
  await page.route(url, (route) => route.fulfill({ contentType: 'text/javascript', body: js }))
  await page.addStyleTag({ content: css })
  await page.addScriptTag({ url, type: 'module' })
  await page.waitForFunction(() => 'mountInside' in window, null, { timeout: 15_000 })
  await page.evaluate(async () => {
    const host = document.createElement('div')
    document.body.prepend(host)
    await (window as unknown as { mountInside: (element: HTMLElement) => Promise<void> }).mountInside(host)
  })
}

test('inside the cell: train a small model, then read its gates, diagram and gradient flow', async ({
  appPage: page,
}) => {
  test.setTimeout(240_000)
  await waitForProject(page)
  await openInside(page)
  const view = page.getByTestId('inside-view')
  await expect(view).toBeVisible()

  // A fresh sample project has no model: the view offers to train the small one.
  const trainFirst = view.getByTestId('inside-train-first')
  const controls = view.getByTestId('inside-model')
  await expect(trainFirst.or(controls)).toBeVisible()
  if (await trainFirst.isVisible()) {
    await trainFirst.getByTestId('inside-train-small').click()
    await expect(trainFirst.getByRole('status')).toBeVisible()
  }
  await expect(controls).toBeVisible({ timeout: 120_000 })

  // Heat maps of the LSTM's gates and states drew.
  for (const panel of ['f', 'i', 'o', 'g', 'c', 'h']) {
    await expectChartDrawn(view.getByTestId(`inside-heatmap-${panel}`))
  }
  const forget = view.getByTestId('inside-heatmap-f')
  await forget.hover({ position: { x: 20, y: 10 } })
  await expect(view.getByTestId('inside-heatmap-readout')).toContainText(/Step \d+, unit \d+: -?\d+\.\d{3}/)

  // The diagram shows this unit's numbers, and they move with the step slider.
  const number = /^-?\d+\.\d{3}$/
  for (const key of ['f', 'i', 'g', 'o', 'c', 'h', 'cprev']) {
    await expect(view.getByTestId(`inside-diagram-${key}`)).toHaveText(number)
  }
  await expect(view.getByTestId('inside-eq-c')).toHaveText(/= -?\d+\.\d{3}/)
  const step = view.getByTestId('inside-step')
  await step.focus()
  await page.keyboard.press('Home')
  await expect(step).toHaveValue('0')
  // At the first step the previous cell state is the engine's initial zero.
  await expect(view.getByTestId('inside-diagram-cprev')).toHaveText('0.000')

  // Another window of the series: the origin slider asks the engine for it.
  const origin = view.getByTestId('inside-origin')
  const latest = await origin.inputValue()
  await origin.focus()
  await page.keyboard.press('Home')
  await expect(origin).not.toHaveValue(latest)
  await expectChartDrawn(view.getByTestId('inside-heatmap-c'))

  // Gradient flow of the trained model, then the RNN/LSTM comparison overlaid on it.
  const chart = view.getByTestId('inside-gradient-chart')
  await expectChartDrawn(chart)
  const curves = view.locator('[data-curves]')
  await expect(curves).toHaveAttribute('data-curves', 'model')
  await view.getByTestId('inside-compare').click()
  await expect(view.getByTestId('inside-compare-result')).toBeVisible({ timeout: 120_000 })
  await expect(curves).toHaveAttribute('data-curves', 'model rnn lstm')
  await expectChartDrawn(chart)
  await shoot(page, 'inside-the-cell')
})
