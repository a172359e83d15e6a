import { expect, test } from './fixtures'
import { expectChartDrawn, shoot, waitForProject } from './helpers'

const MODE = '(levels|seasonal residual|ETS residual)'
const NUMBER = '([0-9][0-9,]*(?:\\.[0-9]+)?)'
/** The note's sentence when every candidate ended with weights (en locale): the others listed after "vs". */
const CHOICE = new RegExp(`^Auto chose ${MODE} — validation MAE ${NUMBER} vs (.+?) \\(averaged`)
const OTHER = new RegExp(`^${NUMBER} for ${MODE}$`)
const MODE_KEYS: Record<string, string> = {
  levels: 'level',
  'seasonal residual': 'seasonalResidual',
  'ETS residual': 'etsResidual',
}

/**
 * The app's Auto end to end: the preset picks "Auto (pick on validation)", the run trains its three
 * candidates (folds and ensemble members as pool jobs the Train screen lists), refits the kept one
 * on all the data, and the Forecast screen says which one validation kept and by how much.
 */
test('an Auto run trains every candidate and the forecast names the one validation kept', async ({
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

  await test.step("the Train screen lists the run's networks and draws the one training now", async () => {
    await page.getByTestId('start-training').click()
    await expect(page.getByRole('heading', { name: 'Training' })).toBeVisible()
    const networks = page.getByTestId('run-networks')
    await expect(networks).toBeVisible()
    // Every candidate trains on the pool, each on its validation folds, ten members each.
    await expect(
      networks.getByTestId('network-name').filter({ hasText: /^Levels · member 1 of 10$/ }),
    ).toHaveCount(1)
    await expect(
      networks
        .getByTestId('network-name')
        .filter({ hasText: /^Seasonal residual/ })
        .first(),
    ).toBeVisible()
    await expect(page.getByTestId('loss-chart')).toHaveCount(1)
  })

  await test.step('every network learns, the final fit uses all the data, and the run ends by itself', async () => {
    await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
      timeout: 90_000,
    })
    const networks = page.getByTestId('run-networks')
    // Each of the 10 members is retrained on all the data, except a residual member whose untrained
    // start (its base forecast) scored best on validation: it has nothing to train.
    const finalFits = networks.getByTestId('network-name').filter({ hasText: /final fit on all data/ })
    await expect(finalFits.first()).toBeVisible()
    expect(await finalFits.count()).toBeLessThanOrEqual(10)
    const states = await networks.getByTestId('network-state').allTextContents()
    expect(states.every((state) => state === 'Completed' || state.startsWith('Stopped early'))).toBe(true)
    // Clicking a network shows its curves.
    await networks.getByRole('button').first().click()
    await expect(networks.getByRole('button').first()).toHaveAttribute('aria-pressed', 'true')
    await expect
      .poll(async () => Number(await page.getByTestId('loss-point-count').getAttribute('data-count')))
      .toBeGreaterThan(0)
    await expectChartDrawn(page.getByTestId('loss-chart'))
    await shoot(page, 'train-auto')
  })

  await test.step('the Forecast screen says which mode Auto chose, with every validation MAE', async () => {
    await page.getByTestId('go-forecast').click()
    const note = page.getByTestId('auto-choice')
    await expect(note).toHaveText(CHOICE, { timeout: 60_000 })
    const [, chosen, chosenMae, list] = CHOICE.exec((await note.textContent())!.trim())!
    const others = list!.split(', ').map((part) => OTHER.exec(part)!)
    expect(others.map(([, , mode]) => mode).sort()).toEqual(
      Object.keys(MODE_KEYS)
        .filter((mode) => mode !== chosen)
        .sort(),
    )
    await expect(note).toHaveAttribute('data-chosen', MODE_KEYS[chosen!]!)
    // Validation decides: the kept candidate's MAE is not above any other's.
    const value = (text: string) => Number(text.replace(/,/g, ''))
    expect(value(chosenMae!)).toBeGreaterThan(0)
    for (const [, mae] of others) expect(value(chosenMae!)).toBeLessThanOrEqual(value(mae!))

    await expect(page.getByTestId('metrics-model').first()).toBeVisible()
    await expect(page.getByTestId('metrics-model').first()).toContainText(/[0-9]/)
    await expect(page.getByTestId('metrics-baseline')).not.toHaveCount(0)
    await expect(page.getByTestId('metrics-baseline').filter({ hasText: /naive/i }).first()).toBeVisible()
    await expectChartDrawn(page.getByTestId('forecast-chart'))
    await shoot(page, 'forecast-auto')
  })
})
