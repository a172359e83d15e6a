/**
 * Responsiveness benchmark (not a test): trains a model from the UI and records every long
 * task (> 50 ms on the main thread) the page had while the loss chart was updating.
 *
 *   npx electron-vite build && npx tsx test/e2e/bench/long-tasks.ts [epochs]
 *
 * Prints the count, total and longest long task, and the loss points drawn meanwhile.
 */
import { openBenchPage, summarise } from './bench-page'

const epochs = Number(process.argv[2] ?? 30)

async function main(): Promise<void> {
  const bench = await openBenchPage()
  const { page } = bench
  try {
    await page.getByTestId('nav-model').click()
    await page.getByTestId('preset-small').click()
    await page.getByTestId('field-epochs').fill(String(epochs))
    await page.getByTestId('field-patience').fill('0')
    await bench.takeLongTasks()
    await page.getByTestId('start-training').click()
    const state = page.getByTestId('training-state')
    await state.waitFor()
    await page.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid="training-state"]')?.getAttribute('data-state')
        return s === 'completed' || s === 'stopped' || s === 'failed' || s === 'cancelled'
      },
      undefined,
      { timeout: 0 },
    )
    const points = await page.getByTestId('loss-point-count').getAttribute('data-count')
    console.log(
      JSON.stringify({
        bench: 'responsiveness',
        epochs,
        finalState: await state.getAttribute('data-state'),
        lossPoints: Number(points),
        ...summarise(await bench.takeLongTasks()),
      }),
    )
  } finally {
    await bench.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
