import { expect, test } from './fixtures'
import { createProject, csvCasePath, expectChartDrawn, inspectCsv, shoot, waitForProject } from './helpers'

test('the Projects screen lists the open and recent projects', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-projects').click()
  await expect(page.getByTestId('current-project')).toContainText('LSTM Studio sample')
  await expect(page.getByTestId('recent-projects').locator('li')).not.toHaveCount(0)
  await shoot(page, 'projects')
})

test('the Model screen counts weights exactly and flags invalid settings', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-horizon').fill('12')
  // Small, learning the seasonal residual: one LSTM of 16 units on 2 inputs (the target and its
  // seasonal difference): 4·16·18 + 8·16 = 1280, head 16·12 + 12 = 204.
  await expect(page.getByTestId('parameter-count')).toHaveText('1,484')
  await expect(page.getByTestId('layer-0-weights')).toHaveText('1,280 weights')
  await page.getByTestId('layer-0-cell').selectOption('gru')
  // GRU: 3·16·18 + 6·16 = 960, same head.
  await expect(page.getByTestId('parameter-count')).toHaveText('1,164')
  // Levels: one input: 3·16·17 + 6·16 = 912.
  await page.getByTestId('target-mode').selectOption('level')
  await expect(page.getByTestId('parameter-count')).toHaveText('1,116')
  // Recursive: the head writes one step, 16·1 + 1.
  await page.locator('#strategy').selectOption('recursive')
  await expect(page.getByTestId('parameter-count')).toHaveText('929')
  // Auto trains both networks: each is counted.
  await page.getByTestId('target-mode').selectOption('auto')
  await expect(page.getByTestId('parameter-count')).toHaveText(
    '929 (Levels) · 977 (Seasonal residual) · 977 (ETS residual)',
  )
  await page.getByTestId('field-layers-0-units').fill('2000')
  await expect(page.getByText('Between 1 and 1024')).toBeVisible()
  await expect(page.getByTestId('start-training')).toBeDisabled()
  await page.getByTestId('field-layers-0-units').fill('16')
  await expect(page.getByTestId('issue-count')).toHaveCount(0)
})

test('calendar features are offered by the time column and feed the network', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-horizon').fill('12')
  // Monthly data: the month varies between steps, the day of week and the hour do not.
  await expect(page.getByTestId('calendar-month')).toBeVisible()
  await expect(page.getByTestId('calendar-dayOfWeek')).toHaveCount(0)
  await expect(page.getByTestId('calendar-hour')).toHaveCount(0)
  await page.getByTestId('calendar-month').check()
  // Two more inputs (sine, cosine) beside the target and its seasonal difference:
  // 4·16·20 + 8·16 = 1408, head 16·12 + 12 = 204.
  await expect(page.getByTestId('parameter-count')).toHaveText('1,612')
})

test('Auto takes the pipeline plan of the chosen series and lets validation pick the mode', async ({
  appPage: page,
}) => {
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  await expect(page.getByTestId('source-target')).toHaveValue('value')
  await page.getByTestId('preset-auto').click()
  // Monthly, 144 points: the pipeline's Auto looks back two seasons and forecasts two, on the log scale.
  await expect(page.getByTestId('field-lookback')).toHaveValue('24')
  await expect(page.getByTestId('field-horizon')).toHaveValue('24')
  await expect(page.getByTestId('target-mode')).toHaveValue('auto')
  await expect(page.getByTestId('select-log')).toHaveValue('log')
  await expect(page.getByTestId('select-scaling')).toHaveValue('zscore')
  // The plan holds out one horizon for test, in points.
  await expect(page.getByTestId('select-test-unit')).toHaveValue('count')
  await expect(page.getByTestId('field-test-value')).toHaveValue('24')
  await expect(page.getByTestId('select-difference')).toContainText('Seasonal (lag 12)')
  await expect(page.getByTestId('start-training')).toBeEnabled()
})

test('repeated timestamps ask for a decision, then import', async ({ appPage: page }) => {
  await waitForProject(page)
  await createProject(page, `Decisions ${Date.now()}`)
  await inspectCsv(page, csvCasePath('duplicate_timestamps.csv'))
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-decisions')).toBeVisible()
  await page.getByTestId('decision-duplicates').selectOption('average')
  await shoot(page, 'import-decision')
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('dataset-duplicate_timestamps')).toBeVisible()
  await expect(page.getByTestId('import-dialog')).toHaveCount(0)
})

test('a project can be renamed, duplicated and deleted by typing its name', async ({ appPage: page }) => {
  await waitForProject(page)
  const name = `Scratch ${Date.now()}`
  await createProject(page, name)
  await page.getByTestId('nav-projects').click()
  await page.getByTestId('rename-input').fill(`${name} renamed`)
  await page.getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByTestId('project-name')).toContainText(`${name} renamed`)
  await page.getByRole('button', { name: 'Duplicate' }).click()
  await expect(page.getByTestId('notice').filter({ hasText: 'Copied as' })).toBeVisible()
  await page.getByTestId('current-project').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('delete-confirm')).toBeDisabled()
  await page.getByTestId('delete-confirm-name').fill(`${name} renamed`)
  await page.getByTestId('delete-confirm').click()
  await expect(page.getByTestId('notice').filter({ hasText: 'deleted' })).toBeVisible()
  // The open project was deleted: the app falls back to the sample project.
  await expect(page.getByTestId('project-name')).toContainText('LSTM Studio sample')
})

test('follows a dark system theme', async ({ appPage: page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await waitForProject(page)
  await expect(page.locator(':root')).toHaveCSS('background-color', 'rgb(20, 24, 33)')
  await expectChartDrawn(page.getByTestId('series-chart'))
  await shoot(page, 'data-dark')
})
