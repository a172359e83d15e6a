import { writeFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { createProject, inspectCsv, waitForProject } from './helpers'

/** `count` months of a seasonal series with a trend. */
function months(count: number): string {
  const lines = ['month,sales']
  for (let t = 0; t < count; t++) {
    const month = `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`
    lines.push(`${month},${(100 + 3 * t + 8 * Math.sin((2 * Math.PI * t) / 12)).toFixed(2)}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * Twenty months, too short for any network with Auto's 24-month horizon, are never refused: the Model screen says Auto will forecast
 * it with ETS, Train runs, and the Forecast screen labels the forecast as statistical.
 */
test('a 20-month series gets a statistical forecast, said as such on the Model and Forecast screens', async ({
  appPage: page,
}, testInfo) => {
  test.setTimeout(90_000)
  const file = testInfo.outputPath('twenty-months.csv')
  writeFileSync(file, months(20))
  await waitForProject(page)
  await createProject(page, `Short series ${Date.now()}`)

  await test.step('import twenty months', async () => {
    await inspectCsv(page, file)
    await expect(page.getByTestId('import-detected')).toContainText('monthly')
    await page.getByTestId('import-run').click()
    await expect(page.getByTestId('series-length')).toHaveText('20 rows')
  })

  await test.step('Auto says it will use ETS, and nothing blocks Train', async () => {
    await page.getByTestId('nav-model').click()
    await page.getByTestId('preset-auto').click()
    await expect(page.getByTestId('model-statistical')).toContainText('too short for a network')
    await expect(page.getByTestId('issue-count')).toHaveCount(0)
    await expect(page.getByTestId('start-training')).toBeEnabled()
  })

  await test.step('the run ends and the Forecast screen labels the forecast', async () => {
    await page.getByTestId('start-training').click()
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 60_000,
    })
    await page.getByTestId('go-forecast').click()
    await expect(page.getByTestId('statistical-forecast')).toContainText(
      'Statistical forecast, not a network: 20 points',
      { timeout: 30_000 },
    )
  })
})

/**
 * Forty-eight months train a network, but too few for validation to rank it against ETS and
 * Theta: the Forecast screen says the forecast combines them at fixed weights, and why.
 */
test('a 48-month series gets a network combined with ETS and Theta at fixed weights, said as such', async ({
  appPage: page,
}, testInfo) => {
  test.setTimeout(150_000)
  const file = testInfo.outputPath('forty-eight-months.csv')
  writeFileSync(file, months(48))
  await waitForProject(page)
  await createProject(page, `Few points ${Date.now()}`)
  await inspectCsv(page, file)
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('series-length')).toHaveText('48 rows')
  await page.getByTestId('nav-model').click()
  await page.getByTestId('preset-auto').click()
  await expect(page.getByTestId('model-statistical')).toHaveCount(0)
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
    timeout: 120_000,
  })
  await page.getByTestId('go-forecast').click()
  await expect(page.getByTestId('auto-choice')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('statistical-forecast')).toHaveCount(0)
  await expect(page.getByTestId('auto-combination')).toContainText(
    'Forecast combined with statistics at fixed weights: on a series this short',
  )
  await expect(page.getByTestId('auto-combination')).toContainText('Network 25%')
  // ETS takes part, so its own intervals enter the bands, and the bands are scored beside ETS's.
  await expect(page.getByTestId('auto-combination')).toContainText("ETS's own intervals")
  await expect(page.getByTestId('interval-score')).toContainText(
    /Scaled interval score \(MSIS, the M4 measure; lower is better\): 80 % → [\d.]+, 95 % → [\d.]+; ETS's own intervals: [\d.]+, [\d.]+/,
  )
})
