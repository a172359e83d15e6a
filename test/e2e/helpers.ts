import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

export const repoRoot = path.resolve(__dirname, '../..')
export const samplePath = (name: string) => path.join(repoRoot, 'resources/samples', name)
export const csvCasePath = (name: string) => path.join(repoRoot, 'test/fixtures/csv-cases', name)

/** How many pixels of a canvas are painted: proof a chart really drew. */
export function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d')
    if (!context) return 0
    const { data } = context.getImageData(0, 0, element.width, element.height)
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++
    return painted
  })
}

export async function expectChartDrawn(canvas: Locator): Promise<void> {
  await expect(canvas).toBeVisible()
  await expect.poll(() => paintedPixels(canvas)).toBeGreaterThan(1000)
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
}

/** Waits until the app has opened a project (the first start opens the sample project). */
export async function waitForProject(page: Page): Promise<void> {
  await expect(page.getByTestId('project-name')).toBeVisible()
}

export async function createProject(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-projects').click()
  await page.getByTestId('new-project-name').fill(name)
  await page.getByRole('button', { name: /^(Create|Créer)$/ }).click()
  await expect(page.getByTestId('project-name')).toContainText(name)
}

/** Inspects a CSV through the import dialog; the caller checks the preview and imports. */
export async function inspectCsv(page: Page, file: string): Promise<void> {
  await page.getByTestId('nav-data').click()
  await page.getByTestId('open-import').click()
  await page.getByTestId('import-path').fill(file)
  await page.getByTestId('import-inspect').click()
}
