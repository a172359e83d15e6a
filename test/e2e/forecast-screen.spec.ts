import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { waitForProject } from './helpers'

/** Trains a short run on AirPassengers to its end and returns its id. */
async function trainShortRun(page: Page): Promise<string> {
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('3')
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
    timeout: 60_000,
  })
  return (await page.getByTestId('training-job').textContent())!.trim()
}

test('"See its forecast" opens the model just trained, named with its date and time', async ({
  appPage: page,
}) => {
  test.setTimeout(150_000)
  await waitForProject(page)
  const models = page.getByTestId('forecast-model')

  const first = await trainShortRun(page)
  await page.getByTestId('go-forecast').click()
  await expect(models).toHaveValue(first, { timeout: 60_000 })

  const second = await trainShortRun(page)
  await page.getByTestId('go-forecast').click()
  await expect(models).toHaveValue(second, { timeout: 60_000 })
  // Two models of the same stack differ by when they were made: the label says the time.
  await expect(models.locator('option:checked')).toHaveText(/\d{1,2}:\d{2}/)
  await expect(page.getByTestId('metrics-baseline').first()).toContainText(
    /Naive \(last value\)|Seasonal naive|Drift|Mean|ETS/,
  )

  await test.step('runs read as dataset · network · time, and compare metrics first', async () => {
    await page.getByTestId('nav-train').click()
    const names = page.getByTestId('run-name')
    await expect(names.first()).toHaveText(/^AirPassengers · LSTM \d+ · .*\d{1,2}:\d{2}/)
    for (const id of [first, second]) await page.getByTestId(`run-${id}`).getByRole('checkbox').check()
    const table = page.getByTestId('runs-comparison')
    await expect(table.locator('tbody th').first()).toHaveText('MAE on the test part')
    await expect(table).toContainText('Lookback (steps)')
    await expect(table).not.toContainText('source.projectId')
  })
})
