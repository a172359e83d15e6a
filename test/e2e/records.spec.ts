import { expect, test } from './fixtures'
import { waitForProject } from './helpers'

test('a dataset can be renamed and deleted, by typing its name', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-data').click()
  await page.getByTestId('dataset-taylor').click()
  await page.getByTestId('dataset-rename').click()
  await page.getByTestId('dataset-name').fill('taylor half-hourly')
  await page.getByTestId('dataset-save').click()
  await expect(page.getByTestId('dataset-title')).toHaveText('taylor half-hourly')
  await expect(page.getByTestId('dataset-taylor half-hourly')).toBeVisible()

  await page.getByTestId('dataset-delete').click()
  await page.getByTestId('delete-confirm-name').fill('taylor')
  await expect(page.getByTestId('delete-confirm')).toBeDisabled()
  await page.getByTestId('delete-confirm-name').fill('taylor half-hourly')
  await page.getByTestId('delete-confirm').click()
  await expect(page.getByTestId('dataset-taylor half-hourly')).toHaveCount(0)
  await expect(
    page.getByTestId('notice').filter({ hasText: '“taylor half-hourly” was deleted' }),
  ).toBeVisible()
})

test('a model and its run can be renamed and deleted', async ({ appPage: page }) => {
  test.setTimeout(120_000)
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('2')
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
    timeout: 60_000,
  })
  const runId = (await page.getByTestId('training-job').textContent())!.trim()

  await page.getByTestId('go-forecast').click()
  await expect(page.getByTestId('forecast-model')).toHaveValue(runId, { timeout: 60_000 })
  await page.getByTestId('model-rename').click()
  await page.getByTestId('model-name').fill('Two epochs')
  await page.getByTestId('model-save').click()
  await expect(page.getByTestId('forecast-model').locator('option:checked')).toContainText('Two epochs')
  await page.getByTestId('model-delete').click()
  await page.getByTestId('delete-confirm-name').fill('Two epochs')
  await page.getByTestId('delete-confirm').click()
  await expect(page.getByTestId('no-models')).toBeVisible()

  await page.getByTestId('nav-train').click()
  await page.getByTestId(`run-${runId}-delete`).click()
  await page.getByTestId('delete-confirm-name').fill(runId)
  await page.getByTestId('delete-confirm').click()
  await expect(page.getByTestId(`run-${runId}`)).toHaveCount(0)
})

test('a long name wraps inside its card instead of overflowing it', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-data').click()
  await page.getByTestId('dataset-Seatbelts').click()
  const long = `Seatbelts_${'monthly_road_casualties_'.repeat(5)}Great_Britain`
  await page.getByTestId('dataset-rename').click()
  await page.getByTestId('dataset-name').fill(long)
  await page.getByTestId('dataset-save').click()
  for (const box of [page.getByTestId(`dataset-${long}`), page.getByTestId('dataset-title')]) {
    await expect(box).toBeVisible()
    const overflow = await box.evaluate((element) => element.scrollWidth - element.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
  }
})
