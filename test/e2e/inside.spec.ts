import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectChartDrawn, shoot, waitForProject } from './helpers'

/**
 * Inside the cell, on the sample project: train the small model from the view, then read
 * the heat maps, the live diagram and the gradient flow, and overlay the RNN/LSTM comparison.
 */
async function openInside(page: Page): Promise<void> {
  await page.getByTestId('nav-inside').click()
}

test('inside the cell: train a small model, then read its gates, diagram and gradient flow', async ({
  appPage: page,
}) => {
  test.setTimeout(240_000)
  await waitForProject(page)
  await openInside(page)
  const view = page.getByTestId('inside-view')
  await expect(view).toBeVisible()

  // A fresh sample project has no model: the view offers to train the small one.
  const trainFirst = view.getByTestId('inside-train-first')
  const controls = view.getByTestId('inside-model')
  await expect(trainFirst.or(controls)).toBeVisible()
  if (await trainFirst.isVisible()) {
    await trainFirst.getByTestId('inside-train-small').click()
    await expect(trainFirst.getByRole('status')).toBeVisible()
  }
  await expect(controls).toBeVisible({ timeout: 120_000 })

  // Heat maps of the LSTM's gates and states drew.
  for (const panel of ['f', 'i', 'o', 'g', 'c', 'h']) {
    await expectChartDrawn(view.getByTestId(`inside-heatmap-${panel}`))
  }
  const forget = view.getByTestId('inside-heatmap-f')
  await forget.hover({ position: { x: 20, y: 10 } })
  await expect(view.getByTestId('inside-heatmap-readout')).toContainText(/Step \d+, unit \d+: -?\d+\.\d{3}/)

  // The diagram shows this unit's numbers, and they move with the step slider.
  const number = /^-?\d+\.\d{3}$/
  for (const key of ['f', 'i', 'g', 'o', 'c', 'h', 'cprev']) {
    await expect(view.getByTestId(`inside-diagram-${key}`)).toHaveText(number)
  }
  await expect(view.getByTestId('inside-eq-c')).toHaveText(/= -?\d+\.\d{3}/)
  const step = view.getByTestId('inside-step')
  await step.focus()
  await page.keyboard.press('Home')
  await expect(step).toHaveValue('0')
  // At the first step the previous cell state is the engine's initial zero.
  await expect(view.getByTestId('inside-diagram-cprev')).toHaveText('0.000')

  // Another window of the series: the origin slider asks the engine for it.
  const origin = view.getByTestId('inside-origin')
  const latest = await origin.inputValue()
  await origin.focus()
  await page.keyboard.press('Home')
  await expect(origin).not.toHaveValue(latest)
  await expectChartDrawn(view.getByTestId('inside-heatmap-c'))

  // Gradient flow of the trained model, then the RNN/LSTM comparison overlaid on it.
  const chart = view.getByTestId('inside-gradient-chart')
  await expectChartDrawn(chart)
  const curves = view.locator('[data-curves]')
  await expect(curves).toHaveAttribute('data-curves', 'model')
  await view.getByTestId('inside-compare').click()
  await expect(view.getByTestId('inside-compare-result')).toBeVisible({ timeout: 120_000 })
  await expect(curves).toHaveAttribute('data-curves', 'model rnn-initial lstm-initial rnn lstm')
  await expect(view.getByTestId('inside-compare-result')).toContainText('of its last step')
  // The course's example, where the answer lies 48 steps back: the LSTM keeps the gradient, the RNN does not.
  await view.getByTestId('inside-long-memory').click()
  await expect(view.getByTestId('inside-compare-result')).toContainText('Long-memory example', {
    timeout: 120_000,
  })
  await expect(view.getByTestId('inside-compare-result')).toHaveAttribute('data-verdict', 'lstmKeeps')
  await expectChartDrawn(chart)
  await shoot(page, 'inside-the-cell')
})
