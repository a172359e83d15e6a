import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { waitForProject } from './helpers'

/** A small network on AirPassengers that would train for a long time unless stopped. */
async function startLongRun(page: Page): Promise<string> {
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('5000')
  await page.getByTestId('field-patience').fill('0')
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'running')
  return (await page.getByTestId('training-job').textContent())!.trim()
}

/** The Train screen's status says what the run really does, at every step the user takes. */
test('the Train screen tells the truth after pause, resume, cancel and a new run', async ({
  appPage: page,
}) => {
  test.setTimeout(120_000)
  await waitForProject(page)
  const state = page.getByTestId('training-state')
  const firstRun = await startLongRun(page)

  await test.step('pause, then resume: running again, and the button offers Pause', async () => {
    await page.getByTestId('train-pause').click()
    await expect(state).toHaveAttribute('data-state', 'paused')
    await page.getByTestId('train-resume').click()
    await expect(state).toHaveAttribute('data-state', 'running')
    await expect(state).toHaveText('Running')
    await expect(page.getByTestId('train-pause')).toBeEnabled()
    await expect(page.getByTestId('train-pause')).toHaveText('Pause')
  })

  await test.step('a cancelled run leaves the running list at once', async () => {
    await page.getByTestId('train-cancel').click()
    await expect(state).toHaveAttribute('data-state', 'cancelled')
    const entry = page.getByTestId(`run-${firstRun}`)
    await expect(entry.getByTestId('run-status')).toHaveText('cancelled')
  })

  await test.step('a new run starts on a clean chart, without errors', async () => {
    const secondRun = await startLongRun(page)
    expect(secondRun).not.toBe(firstRun)
    await expect(page.getByTestId(`run-${secondRun}`).getByTestId('run-status')).toHaveText('running')
    await page.getByTestId('train-stop').click()
    await expect(state).toHaveAttribute('data-state', 'stopped')
  })
})
