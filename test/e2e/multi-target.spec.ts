import { writeFileSync } from 'node:fs'
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { createProject, expectChartDrawn, inspectCsv, shoot, waitForProject } from './helpers'

/**
 * 96 months of two related seasonal series on different scales: `sales` and `visits` share the
 * yearly cycle, so one network can learn both, yet their errors cannot come out equal.
 */
function twoTargetCsv(): string {
  const lines = ['date,sales,visits']
  for (let t = 0; t < 96; t++) {
    const month = String((t % 12) + 1).padStart(2, '0')
    const season = Math.sin((2 * Math.PI * t) / 12)
    const wiggle = Math.sin(t * 1.7) // deterministic noise
    const sales = 200 + 1.5 * t + 40 * season + 6 * wiggle
    const visits = 1000 + 4 * t + 150 * season + 80 * Math.cos((2 * Math.PI * t) / 12) + 25 * wiggle
    lines.push(`${2015 + Math.floor(t / 12)}-${month}-01,${sales.toFixed(2)},${visits.toFixed(1)}`)
  }
  return `${lines.join('\n')}\n`
}

const chartPixels = (canvas: Locator) =>
  canvas.evaluate((element: HTMLCanvasElement) => element.toDataURL('image/png'))

/**
 * Several targets in the app: two `target` columns on the Data screen become the Model screen's
 * targets (the first in the select, the other ticked), one network learns both, and the Forecast
 * screen shows each target's own chart and metrics.
 */
test('two target columns train one network and the Forecast screen switches between them', async ({
  appPage: page,
}, testInfo) => {
  test.setTimeout(120_000)
  const file = testInfo.outputPath('two-targets.csv')
  writeFileSync(file, twoTargetCsv())
  await waitForProject(page)
  await createProject(page, `Two targets ${Date.now()}`)

  await test.step('import the CSV and mark both value columns as targets', async () => {
    await inspectCsv(page, file)
    await expect(page.getByTestId('import-detected')).toContainText('monthly')
    await page.getByTestId('import-run').click()
    await expect(page.getByTestId('dataset-two-targets')).toBeVisible()
    await expect(page.getByTestId('series-length')).toHaveText('96 rows')
    // By default the first numeric column is the target, the other a covariate.
    await expect(page.getByTestId('role-sales')).toHaveValue('target')
    await expect(page.getByTestId('role-visits')).toHaveValue('covariate')
    await page.getByTestId('role-visits').selectOption('target')
    await page.getByTestId('save-roles').click()
    await expect(page.getByTestId('notice').filter({ hasText: 'Column roles saved' })).toBeVisible()
  })

  await test.step('the Model screen selects both targets; a small network, few epochs', async () => {
    await page.getByTestId('nav-model').click()
    await expect(page.getByTestId('source-dataset').locator('option:checked')).toHaveText('two-targets')
    await expect(page.getByTestId('source-target')).toHaveValue('sales')
    await expect(page.getByTestId('extra-target-visits')).toBeChecked()
    await page.getByTestId('preset-small').click()
    await page.getByTestId('field-lookback').fill('12')
    await page.getByTestId('field-horizon').fill('6')
    await page.getByTestId('field-epochs').fill('10')
    // Small, seasonal residual: one LSTM of 16 units on 4 inputs (both targets and their seasonal
    // differences): 4·16·20 + 8·16 = 1408, head 16·(6·2) + 6·2 = 204: a horizon for each target.
    await expect(page.getByTestId('parameter-count')).toHaveText('1,612')
    await expect(page.getByTestId('issue-count')).toHaveCount(0)
  })

  await test.step('train to the end', async () => {
    await page.getByTestId('start-training').click()
    await expect(page.getByRole('heading', { name: 'Training' })).toBeVisible()
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 60_000,
    })
    await page.getByTestId('go-forecast').click()
  })

  await test.step('the Forecast screen shows each target on its own', async () => {
    const picker = page.getByTestId('forecast-target')
    await expect(picker).toBeVisible({ timeout: 60_000 })
    await expect(picker.locator('option')).toHaveText(['sales', 'visits'])
    await expect(picker).toHaveValue('0')

    const chart = page.getByTestId('forecast-chart')
    const chartBox = page.getByRole('img', { name: /^History, fitted values and forecast of / })
    const testRow = page.getByTestId('metrics-model').filter({ hasText: '(test)' })
    const maeOf = async () => Number((await testRow.locator('td').first().textContent())!.replace(/,/g, ''))

    await expect(chartBox).toHaveAccessibleName('History, fitted values and forecast of sales')
    await expectChartDrawn(chart)
    await expect(page.getByTestId('metrics-baseline')).not.toHaveCount(0)
    await expect(testRow.locator('td').first()).toHaveText(/^[0-9]/)
    const salesMae = await maeOf()
    const rows = page.getByTestId('metrics-table').locator('tbody tr')
    const salesRows = await rows.allTextContents()
    const salesPixels = await chartPixels(chart)
    await shoot(page, 'forecast-sales')

    await picker.selectOption({ label: 'visits' })
    await expect(chartBox).toHaveAccessibleName('History, fitted values and forecast of visits')
    await expect.poll(() => chartPixels(chart)).not.toBe(salesPixels)
    await expect(rows).not.toHaveText(salesRows)
    await expect(page.getByTestId('metrics-baseline')).not.toHaveCount(0)
    const visitsMae = await maeOf()
    expect(Number.isFinite(salesMae) && Number.isFinite(visitsMae)).toBe(true)
    // visits swings about four times wider than sales: its error is on another scale.
    expect(visitsMae).not.toBe(salesMae)
    await shoot(page, 'forecast-visits')

    await picker.selectOption({ label: 'sales' })
    await expect(chartBox).toHaveAccessibleName('History, fitted values and forecast of sales')
    await expect(rows).toHaveText(salesRows)
    expect(await maeOf()).toBe(salesMae)
  })
})
