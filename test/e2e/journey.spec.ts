import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { createProject, expectChartDrawn, inspectCsv, samplePath, shoot, waitForProject } from './helpers'

/**
 * The analyst's whole workflow on a real public series, in one project: import, model,
 * train, stop early, forecast, export, reopen. Steps are named so a failure says where.
 */
test('the full journey on AirPassengers', async ({ appPage: page, appKind }) => {
  test.setTimeout(240_000)
  await waitForProject(page)
  const projectName = `Journey ${Date.now()}`
  await createProject(page, projectName)

  await test.step('import AirPassengers through the dialog', async () => {
    await inspectCsv(page, samplePath('AirPassengers.csv'))
    await expect(page.getByTestId('preview-table')).toBeVisible()
    await expect(page.getByTestId('import-detected')).toContainText('monthly')
    await shoot(page, 'import-dialog')
    await page.getByTestId('import-run').click()
    await expect(page.getByTestId('dataset-AirPassengers')).toBeVisible()
    await expect(page.getByTestId('series-length')).toHaveText('144 rows')
    await expectChartDrawn(page.getByTestId('series-chart'))
  })

  await test.step('configure a 2-layer LSTM', async () => {
    await page.getByTestId('nav-model').click()
    await page.getByTestId('preset-small').click()
    await page.getByTestId('add-layer').click()
    await expect(page.getByTestId('layer-stack').locator('> li')).toHaveCount(2)
    await page.getByTestId('layer-0-cell').selectOption('lstm')
    await page.getByTestId('layer-1-cell').selectOption('lstm')
    await page.getByTestId('field-layers-0-units').fill('16')
    await page.getByTestId('field-layers-1-units').fill('8')
    // Long enough to stop by hand while it runs; no early stopping so it does not end by itself.
    await page.getByTestId('field-epochs').fill('2000')
    await page.getByTestId('field-patience').fill('0')
    // Seasonal residual, 2 inputs: 4·16·(2+16)+8·16 = 1280; 4·8·(16+8)+8·8 = 832; head 8·h+h.
    const horizon = Number(await page.getByTestId('field-horizon').inputValue())
    await expect(page.getByTestId('parameter-count')).toHaveText(
      (1280 + 832 + 9 * horizon).toLocaleString('en-US'),
    )
    await shoot(page, 'model')
  })

  await test.step('train and see loss points arrive while it runs', async () => {
    await page.getByTestId('start-training').click()
    await expect(page.getByRole('heading', { name: 'Training' })).toBeVisible()
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'running')
    const points = page.getByTestId('loss-point-count')
    await expect.poll(async () => Number(await points.getAttribute('data-count'))).toBeGreaterThanOrEqual(5)
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'running')
    await expectChartDrawn(page.getByTestId('loss-chart'))
    await shoot(page, 'train')
  })

  await test.step('stop early and keep the best model', async () => {
    await page.getByTestId('train-stop').click()
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'stopped')
    await page.getByTestId('go-forecast').click()
  })

  await test.step('forecast, with metrics beside the baselines', async () => {
    await expect(page.getByTestId('forecast-chart')).toBeVisible()
    await expect(page.getByTestId('metrics-model').first()).toBeVisible()
    await expect(page.getByTestId('metrics-baseline').first()).toBeVisible()
    await page.getByTestId('make-forecast').click()
    await expect(page.getByTestId('forecast-file')).toBeVisible()
    await expectChartDrawn(page.getByTestId('forecast-chart'))
    await shoot(page, 'forecast')
  })

  await test.step('export the model and the forecast CSV', async () => {
    await page.getByTestId('export-format').selectOption('native')
    await page.getByTestId('export-model').click()
    await expect(page.getByTestId('notice').filter({ hasText: 'Model exported' })).toBeVisible()
    if (appKind === 'web') {
      // A browser cannot save a folder: the export comes as one zip, named after the dataset and the day.
      const zip = page.waitForEvent('download')
      await page.getByTestId('zip-download').click()
      expect((await zip).suggestedFilename()).toMatch(/^AirPassengers-native-\d{4}-\d{2}-\d{2}\.zip$/)
    }
    await page.getByTestId('csv-delimiter').selectOption(';')
    await page.getByTestId('csv-decimal').selectOption(',')
    await page.getByTestId('export-csv').click()
    const link = page.getByTestId('csv-download')
    await expect(link).toBeVisible()
    const download = page.waitForEvent('download')
    await link.click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^AirPassengers-forecast-\d{4}-\d{2}-\d{2}(-\d+)?\.csv$/)
    // Dates at the series' own granularity (monthly), not ISO instants.
    expect(readFileSync(await file.path(), 'utf8').split('\n')[1]).toMatch(/^1961-01;/)
    await page.getByTestId('export-png').click()
    await expect(page.getByTestId('png-download')).toHaveAttribute('href', /^data:image\/png/)
    await expect(page.getByTestId('png-download')).toHaveAttribute(
      'download',
      /^AirPassengers-chart-\d{4}-\d{2}-\d{2}\.png$/,
    )
    // Kept beside the screenshots: the exported chart, with its title and legend.
    const png = await page.getByTestId('png-download').getAttribute('href')
    mkdirSync('test-results/screenshots', { recursive: true })
    writeFileSync(
      'test-results/screenshots/forecast-chart-export.png',
      Buffer.from(png!.split(',')[1]!, 'base64'),
    )
  })

  await test.step('reopen the project and find it all again', async () => {
    await page.getByTestId('nav-projects').click()
    await page.getByTestId('open-sample').click()
    await expect(page.getByTestId('project-name')).toContainText('LSTM Studio sample')
    const entry = page.getByTestId('recent-projects').locator('li').filter({ hasText: projectName })
    await entry.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByTestId('project-name')).toContainText(projectName)
    await page.getByTestId('nav-data').click()
    await expect(page.getByTestId('dataset-AirPassengers')).toBeVisible()
    await page.getByTestId('nav-train').click()
    await expect(page.getByTestId('runs-list').locator('li')).not.toHaveCount(0)
    await page.getByTestId('nav-forecast').click()
    await expect(page.getByTestId('metrics-model').first()).toBeVisible()
  })
})
