import { expect, test } from './fixtures'
import { expectChartDrawn, shoot, waitForProject } from './helpers'

const MODE = '(levels|seasonal residual)'
const NUMBER = '([0-9][0-9,]*(?:\\.[0-9]+)?)'
/** The note's sentence when both candidates ended with weights (en locale). */
const CHOICE = new RegExp(`^Auto chose ${MODE} — validation MAE ${NUMBER} vs ${NUMBER} for ${MODE}`)

/**
 * The app's Auto end to end: the preset picks "Auto (pick on validation)", the run trains two
 * candidates whose curves the Train screen draws side by side, and the Forecast screen says
 * which one validation kept and by how much.
 */
test('an Auto run trains both candidates and the forecast names the one validation kept', async ({
  appPage: page,
}) => {
  test.setTimeout(120_000)
  await waitForProject(page)

  await test.step('press Auto on AirPassengers and keep the run short', async () => {
    await page.getByTestId('nav-model').click()
    await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
    await expect(page.getByTestId('source-target')).toHaveValue('value')
    await page.getByTestId('preset-auto').click()
    const mode = page.getByTestId('target-mode')
    await expect(mode).toHaveValue('auto')
    await expect(mode.locator('option:checked')).toHaveText('Auto (pick on validation)')
    await page.getByTestId('field-epochs').fill('8')
    await expect(page.getByTestId('field-epochs')).toHaveValue('8')
    // Changing the epochs keeps the Auto mode.
    await expect(mode).toHaveValue('auto')
    await expect(page.getByTestId('start-training')).toBeEnabled()
  })

  await test.step('the Train screen draws one loss chart per candidate', async () => {
    await page.getByTestId('start-training').click()
    await expect(page.getByRole('heading', { name: 'Training' })).toBeVisible()
    const candidates = page.getByTestId('auto-candidates')
    await expect(candidates).toBeVisible()
    await expect(candidates.getByTestId('loss-chart')).toHaveCount(2)
    await expect(candidates.locator('h3')).toHaveText([/^Levels · /, /^Seasonal residual · /])
    await expect(page.getByTestId('candidate-state-level')).toBeVisible()
    await expect(page.getByTestId('candidate-state-seasonalResidual')).toBeVisible()
    // No single-job chart beside the candidates'.
    await expect(page.getByTestId('loss-chart')).toHaveCount(2)
  })

  await test.step('both candidates learn, and the run ends by itself', async () => {
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 90_000,
    })
    await expect(page.getByTestId('candidate-state-level')).toHaveText('Completed')
    await expect(page.getByTestId('candidate-state-seasonalResidual')).toHaveText('Completed')
    const counts = page.getByTestId('auto-candidates').getByTestId('loss-point-count')
    for (const index of [0, 1]) {
      await expect
        .poll(async () => Number(await counts.nth(index).getAttribute('data-count')))
        .toBeGreaterThan(0)
      await expectChartDrawn(page.getByTestId('auto-candidates').getByTestId('loss-chart').nth(index))
    }
    await shoot(page, 'train-auto')
  })

  await test.step('the Forecast screen says which mode Auto chose, with both validation MAEs', async () => {
    await page.getByTestId('go-forecast').click()
    const note = page.getByTestId('auto-choice')
    await expect(note).toHaveText(CHOICE, { timeout: 60_000 })
    const [, chosen, chosenMae, otherMae, other] = CHOICE.exec((await note.textContent())!.trim())!
    expect(other).not.toBe(chosen)
    await expect(note).toHaveAttribute('data-chosen', chosen === 'levels' ? 'level' : 'seasonalResidual')
    // Validation decides: the kept candidate's MAE is not above the other's.
    const value = (text: string) => Number(text.replace(/,/g, ''))
    expect(value(chosenMae!)).toBeGreaterThan(0)
    expect(value(chosenMae!)).toBeLessThanOrEqual(value(otherMae!))

    await expect(page.getByTestId('metrics-model').first()).toBeVisible()
    await expect(page.getByTestId('metrics-model').first()).toContainText(/[0-9]/)
    await expect(page.getByTestId('metrics-baseline')).not.toHaveCount(0)
    await expect(page.getByTestId('metrics-baseline').filter({ hasText: /naive/i }).first()).toBeVisible()
    await expectChartDrawn(page.getByTestId('forecast-chart'))
    await shoot(page, 'forecast-auto')
  })
})
