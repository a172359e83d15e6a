import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import path from 'node:path'
import { expect, test } from './fixtures'
import { expectChartDrawn, repoRoot, waitForProject } from './helpers'

const PANEL = path.join(repoRoot, 'test/fixtures/panel/m3_quarterly_slice_train.csv')
const SERIES = 12
const HORIZON = 4

/** Many series, one model: the whole path of a panel through the app, in the browser. */
test('browser mode: import a long panel, train a global model, open a series, export the forecast and the model', async ({
  appPage: page,
}) => {
  await waitForProject(page)

  await test.step('the import recognises a long-form panel and stores it', async () => {
    await page.getByTestId('nav-data').click()
    await page.getByTestId('open-import').click()
    await page.getByTestId('upload-input').setInputFiles(PANEL)
    await expect(page.getByTestId('panel-detected')).toContainText('id')
    await expect(page.getByTestId('import-form-long')).toBeChecked()
    await expect(page.getByTestId('panel-key-id')).toBeChecked()
    // The one-series import is put away while a panel form is chosen.
    await expect(page.getByTestId('import-run')).toHaveCount(0)
    await page.getByTestId('panel-import-run').click()
    await expect(page.getByTestId('dataset-panel-m3_quarterly_slice_train')).toContainText(`${SERIES} series`)
    await expect(page.getByTestId('panel-dataset-summary')).toContainText('quarterly')
  })

  await test.step('a global model trains as a run the Train screen follows', async () => {
    await page.getByTestId('open-panel-screen').click()
    await expect(page.getByTestId('panel-summary')).toContainText(`${SERIES} series`)
    await page.getByTestId('panel-horizon').fill(String(HORIZON))
    await page.getByTestId('panel-epochs').fill('2')
    await page.getByTestId('panel-ensemble').fill('1')
    // One rolling origin before the test part: one more training, shown as a stage of the run.
    await page.getByTestId('panel-backtest-origins').fill('1')
    await page.getByTestId('panel-train-start').click()
    await page.getByTestId('nav-train').click()
    await expect(page.getByTestId('training-job')).toContainText('panel-')
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 120_000,
    })
    await expect(page.getByTestId('network-name').filter({ hasText: 'backtest origin 1 of 1' })).toHaveCount(
      1,
    )
    await expect(page.getByTestId('network-name').filter({ hasText: 'final fit on all data' })).toHaveCount(1)
  })

  await test.step('the Panel screen scores the panel and opens a series', async () => {
    // The finished run's result button leads to the Panel screen, where a panel model is seen.
    await page.getByTestId('go-forecast').click()
    await expect(page.getByTestId('panel-score-network')).toBeVisible()
    await expect(page.getByTestId('panel-score-naive2')).toContainText('1')
    await expect(page.getByTestId('panel-score-ets')).toBeVisible()
    await expect(page.getByTestId('panel-histogram')).toBeVisible()
    // The backtest table: origin 1 scored on every series, then the mean over that one origin.
    const backtest = page.getByTestId('panel-backtest')
    await expect(backtest).toContainText('1 rolling origin of 4 points')
    const origin = page.getByTestId('panel-backtest-origin-1')
    await expect(origin.locator('td').first()).toHaveText(String(SERIES))
    await expect(origin.locator('td').nth(4)).toHaveText(/^\d+(\.\d+)?$/)
    await expect(origin.locator('td').nth(5)).toHaveText(/^(Naive|Seasonal naive|Naive2|ETS|Theta) \(\d/)
    await expect(page.getByTestId('panel-backtest-mean')).toContainText('Mean over 1 origin')
    // Coverage of the bands: a share, or a dash where 12 series are too few to bound the 95 % band.
    await expect(page.getByTestId('panel-backtest-mean').locator('td').last()).toHaveText(
      /^(\d+(\.\d)?%|—) \/ (\d+(\.\d)?%|—)$/,
    )
    await expect(page.getByTestId('panel-count')).toContainText(`${SERIES} of ${SERIES}`)
    await page.getByTestId('panel-search').fill('n0646')
    await expect(page.getByTestId('panel-count')).toContainText(`1 of ${SERIES}`)
    await page.getByTestId('panel-row-N0646').click()
    await expect(page.getByTestId('panel-detail')).toContainText('N0646')
    await expectChartDrawn(page.getByTestId('panel-series-chart'))
  })

  await test.step('the panel forecast downloads as a long CSV', async () => {
    await page.getByTestId('panel-export-long').click()
    const link = page.getByTestId('panel-download-long')
    await expect(link).toBeVisible()
    const download = page.waitForEvent('download')
    await link.click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/forecast-long\.csv$/)
    const lines = readFileSync(await file.path(), 'utf8')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('id,date,forecast,lo80,hi80,lo95,hi95')
    expect(lines).toHaveLength(1 + SERIES * HORIZON)
  })

  await test.step('and as a wide CSV, one column per series', async () => {
    await page.getByTestId('panel-export-wide').click()
    const download = page.waitForEvent('download')
    await page.getByTestId('panel-download-wide').click()
    const lines = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n')
    expect(lines[0]!.split(',')).toHaveLength(1 + SERIES)
    expect(lines[0]).toMatch(/^date,N0646,/)
    expect(lines.length).toBeGreaterThanOrEqual(1 + HORIZON)
  })

  await test.step('the panel model downloads as an ONNX export, zipped with its card and description', async () => {
    await page.getByTestId('panel-model-format').selectOption('onnx')
    await page.getByTestId('panel-export-model').click()
    await expect(page.getByTestId('notice').filter({ hasText: 'Panel model exported' })).toBeVisible()
    const link = page.getByTestId('panel-model-zip')
    await expect(link).toBeVisible()
    const download = page.waitForEvent('download')
    await link.click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/-onnx-\d{4}-\d{2}-\d{2}(-\d+)?\.zip$/)
    const files = unzipSync(new Uint8Array(readFileSync(await file.path())))
    expect(Object.keys(files).map((name) => name.split('/').pop())).toEqual(
      expect.arrayContaining(['model.onnx', 'preprocessing.json', 'forecast.mjs', 'README.md']),
    )
    const readme = Object.entries(files).find(([name]) => name.endsWith('README.md'))![1]
    expect(new TextDecoder().decode(readme)).toContain('panel forecaster — ONNX export')
  })
})

const TYPED = path.join(repoRoot, 'test/fixtures/panel/m3_quarterly_typed_train.csv')

/** M3's `type` column: a static attribute the import finds and the global model may read. */
test('browser mode: a static attribute and the calendar as inputs of a global model', async ({
  appPage: page,
}) => {
  await waitForProject(page)

  await test.step('the import tells the attribute from the key and stores it', async () => {
    await page.getByTestId('nav-data').click()
    await page.getByTestId('open-import').click()
    await page.getByTestId('upload-input').setInputFiles(TYPED)
    await expect(page.getByTestId('panel-detected-attributes')).toContainText('type')
    await expect(page.getByTestId('panel-key-id')).toBeChecked()
    await expect(page.getByTestId('panel-key-type')).not.toBeChecked()
    await page.getByTestId('panel-import-run').click()
    await expect(page.getByTestId('dataset-panel-m3_quarterly_typed_train')).toContainText(`${SERIES} series`)
    await expect(page.getByTestId('panel-static-attributes')).toContainText('type (3 categories)')
  })

  await test.step('ticked on the Panel screen, they train with the network', async () => {
    await page.getByTestId('open-panel-screen').click()
    await expect(page.getByTestId('panel-static-inputs')).toContainText('type')
    await page.getByTestId('panel-static-type').check()
    await page.getByTestId('panel-calendar').check()
    await page.getByTestId('panel-horizon').fill(String(HORIZON))
    await page.getByTestId('panel-epochs').fill('2')
    await page.getByTestId('panel-ensemble').fill('1')
    await page.getByTestId('panel-train-start').click()
    await page.getByTestId('nav-train').click()
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 120_000,
    })
    await page.getByTestId('go-forecast').click()
    await expect(page.getByTestId('panel-score-network')).toBeVisible()
    await expect(page.getByTestId('panel-count')).toContainText(`${SERIES} of ${SERIES}`)
  })
})

const PROMO = path.join(repoRoot, 'test/fixtures/panel/promo_panel.csv')

/** A synthetic panel with planned promotions: a covariate known ahead, from import to forecast. */
test('browser mode: a covariate known ahead as an input of a global model', async ({ appPage: page }) => {
  await waitForProject(page)

  await test.step('the import takes the value column and keeps the other number as a covariate', async () => {
    await page.getByTestId('nav-data').click()
    await page.getByTestId('open-import').click()
    await page.getByTestId('upload-input').setInputFiles(PROMO)
    await expect(page.getByTestId('panel-key-store')).toBeChecked()
    await expect(page.getByTestId('panel-target')).toHaveValue('sales')
    await page.getByTestId('panel-import-run').click()
    await expect(page.getByTestId('dataset-panel-promo_panel')).toContainText('8 series')
    await expect(page.getByTestId('panel-covariates')).toContainText('promo (given 4 steps ahead)')
  })

  await test.step('a horizon past the rows ahead is refused, the rows’ own horizon trains', async () => {
    await page.getByTestId('open-panel-screen').click()
    await page.getByTestId('panel-future-promo').check()
    await page.getByTestId('panel-horizon').fill('6')
    await page.getByTestId('panel-epochs').fill('2')
    await page.getByTestId('panel-ensemble').fill('1')
    await page.getByTestId('panel-train-start').click()
    await expect(page.getByTestId('notice').filter({ hasText: 'values for the whole horizon' })).toBeVisible()
    await page.getByTestId('panel-horizon').fill('4')
    await page.getByTestId('panel-train-start').click()
    await page.getByTestId('nav-train').click()
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 120_000,
    })
  })

  await test.step('the forecast ahead falls on the future rows’ dates', async () => {
    await page.getByTestId('go-forecast').click()
    await expect(page.getByTestId('panel-count')).toContainText('8 of 8')
    await page.getByTestId('panel-export-long').click()
    const download = page.waitForEvent('download')
    await page.getByTestId('panel-download-long').click()
    const lines = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n')
    expect(lines).toHaveLength(1 + 8 * 4)
    expect(lines[1]).toMatch(/^S1,2023-01,/)
  })
})
