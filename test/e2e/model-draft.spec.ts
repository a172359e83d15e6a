import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectChartDrawn, waitForProject } from './helpers'

async function openModel(page: Page, dataset: string): Promise<void> {
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: dataset })
}

test('the active preset is named, and a preset that cannot fit the series says so first', async ({
  appPage: page,
}) => {
  await waitForProject(page)
  await openModel(page, 'AirPassengers')
  const active = page.getByTestId('preset-active')
  await expect(active).toHaveAttribute('data-origin', 'default')
  await page.getByTestId('preset-large').click()
  await expect(active).toHaveText('Preset: Large')
  await expect(page.getByTestId('preset-large')).toHaveAttribute('aria-pressed', 'true')
  await page.getByTestId('field-epochs').fill('7')
  await expect(active).toHaveText('Preset: Custom')

  // AirPassengers has 144 months: a window of 100 + 10 leaves no training window after the split.
  await page.getByTestId('field-lookback').fill('100')
  for (const name of ['small', 'large']) {
    await expect(page.getByTestId(`preset-${name}`)).toBeDisabled()
    await expect(page.getByTestId(`preset-${name}-why`)).toContainText(
      /needs at least \d+ points; this series has 144/,
    )
  }
  await page.getByTestId('language-select').selectOption('fr')
  await expect(page.getByTestId('preset-small-why')).toContainText('cette série en a 144')
  await expect(active).toHaveText('Préréglage : Personnalisé')
  await page.getByTestId('language-select').selectOption('en')
  await page.getByTestId('field-lookback').fill('12')
  await expect(page.getByTestId('preset-small')).toBeEnabled()
  await expect(page.getByTestId('preset-small-why')).toHaveCount(0)
})

test('the draft belongs to its dataset and survives a reload', async ({ appPage: page }) => {
  await waitForProject(page)
  await openModel(page, 'AirPassengers')
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('7')

  await openModel(page, 'Seatbelts')
  await expect(page.getByTestId('field-epochs')).toHaveValue('100')
  await expect(page.getByTestId('preset-active')).toHaveAttribute('data-origin', 'default')
  await page.getByTestId('field-epochs').fill('9')

  await page.reload()
  await waitForProject(page)
  await openModel(page, 'AirPassengers')
  await expect(page.getByTestId('field-epochs')).toHaveValue('7')
  await expect(page.getByTestId('preset-active')).toHaveAttribute('data-origin', 'custom')
  await openModel(page, 'Seatbelts')
  await expect(page.getByTestId('field-epochs')).toHaveValue('9')
  await openModel(page, 'taylor')
  await expect(page.getByTestId('field-epochs')).toHaveValue('100')
})

/** A quick run on AirPassengers; returns its id once it has completed. */
async function quickRun(page: Page, epochs: number): Promise<string> {
  await openModel(page, 'AirPassengers')
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill(String(epochs))
  await page.getByTestId('field-patience').fill('0')
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
    timeout: 90_000,
  })
  return (await page.getByTestId('training-job').textContent())!.trim()
}

test("past runs' curves open again, compared runs overlay theirs, and a run's settings can be reused", async ({
  appPage: page,
}) => {
  test.setTimeout(240_000)
  await waitForProject(page)
  const first = await quickRun(page, 3)
  const second = await quickRun(page, 4)

  await page.getByTestId(`run-curves-${first}`).click()
  const curves = page.getByTestId('past-run-curves')
  await expect(curves).toHaveAttribute('data-run', first)
  await expect(curves.getByTestId('loss-point-count')).not.toHaveAttribute('data-count', '0')
  await expectChartDrawn(curves.getByTestId('loss-chart'))
  // Each network by its role, as the run's log recorded it; the last one fits all the data.
  await expect(curves.getByTestId('past-run-network').locator('option').last()).toContainText(
    'final fit on all data',
  )
  await expect(curves.getByTestId('past-run-network').locator('option').first()).toHaveText(
    '1. Network (3 epochs)',
  )

  for (const id of [first, second]) await page.getByTestId(`run-${id}`).getByRole('checkbox').check()
  await expect(page.getByTestId('runs-overlay')).toHaveAttribute('data-curves', '2')
  await expectChartDrawn(page.getByTestId('runs-overlay-chart'))

  // From another dataset's draft: reusing the first run brings back its dataset and its settings.
  await openModel(page, 'Seatbelts')
  await page.getByTestId('nav-train').click()
  await page.getByTestId(`reuse-run-${first}`).click()
  await expect(page.getByTestId('preset-active')).toHaveAttribute('data-origin', 'run')
  await expect(page.getByTestId('source-dataset').locator('option:checked')).toHaveText('AirPassengers')
  await expect(page.getByTestId('field-epochs')).toHaveValue('3')
  await expect(page.getByTestId('field-patience')).toHaveValue('0')
})

test('the time left is that of the whole run, and it moves while the run trains', async ({
  appPage: page,
}) => {
  test.setTimeout(120_000)
  await waitForProject(page)
  await openModel(page, 'AirPassengers')
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('3000')
  await page.getByTestId('field-patience').fill('0')
  await page.getByTestId('start-training').click()
  const bar = page.getByTestId('progress-bar')
  await expect(bar).toHaveAttribute('aria-label', /of about \d[\d,]* epochs · the whole run: about .+ left/)
  // The final fit still to come counts: the run's total is more than the first network's 3,000 epochs.
  const total = async () =>
    Number(
      (/of about ([\d,]+) epochs/.exec((await bar.getAttribute('aria-label')) ?? '')?.[1] ?? '0').replace(
        /,/g,
        '',
      ),
    )
  await expect.poll(total).toBeGreaterThan(3000)
  const first = await bar.getAttribute('aria-label')
  await expect.poll(() => bar.getAttribute('aria-label')).not.toBe(first)
  await page.getByTestId('train-cancel').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'cancelled')
})
