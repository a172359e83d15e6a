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

test('a finished run reads 100 % with its real epochs, and early stopping says why', async ({
  appPage: page,
}) => {
  test.setTimeout(120_000)
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('400')
  await page.getByTestId('field-patience').fill('2')
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
    timeout: 90_000,
  })

  const bar = page.getByTestId('progress-bar')
  await expect.poll(() => bar.evaluate((element: HTMLProgressElement) => element.value)).toBe(1)
  const label = (await bar.getAttribute('aria-label'))!
  const trained = Number(/^Finished: (\d+) epochs trained$/.exec(label)?.[1])
  // Patience 2 ends the networks long before 400 epochs each: the count is what they trained.
  expect(trained).toBeGreaterThan(0)
  expect(trained).toBeLessThan(400)

  const networks = page.getByTestId('run-networks')
  const stoppedEarly = networks.getByRole('button').filter({ hasText: 'Stopped early' }).first()
  await stoppedEarly.click()
  const note = page.getByTestId('stop-explanation')
  await expect(note).toHaveAttribute('data-cause', 'early')
  const match = /^Stopped at epoch (\d+): no improvement for (\d+) epochs?; kept epoch (\d+)/.exec(
    (await note.textContent())!.trim(),
  )
  expect(match).not.toBeNull()
  const [stoppedAt, waited, kept] = match!.slice(1).map(Number)
  expect(stoppedAt! - kept!).toBe(waited)
  expect(waited).toBeGreaterThanOrEqual(2)
})
