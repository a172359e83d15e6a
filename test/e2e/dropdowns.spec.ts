import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { waitForProject } from './helpers'

/**
 * Every visible dropdown of the screen that is not fully inside the window, or is cut by a box
 * that clips its content (overflow other than visible): its id and by how many pixels it sticks out.
 * The app's dropdowns are native selects, whose open list the browser draws above the page; what
 * can be cut is the select itself, as wide as its longest option.
 */
function cutDropdowns(page: Page): Promise<Array<{ select: string; by: number }>> {
  return page.evaluate(() => {
    const cut: Array<{ select: string; by: number }> = []
    for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
      if (select.offsetParent === null) continue
      const box = select.getBoundingClientRect()
      const name = select.id || select.dataset.testid || select.outerHTML.slice(0, 80)
      let by = Math.max(0, box.right - document.documentElement.clientWidth, -box.left)
      for (let parent = select.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent)
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
        const clip = parent.getBoundingClientRect()
        by = Math.max(by, box.right - clip.right, clip.left - box.left)
      }
      if (by > 1) cut.push({ select: name, by: Math.round(by) })
    }
    return cut
  })
}

test('no dropdown is cut off in a narrow window, even with long dataset and model names', async ({
  appPage: page,
}) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 900, height: 700 })
  await waitForProject(page)
  await page.getByTestId('nav-data').click()
  await page.getByTestId('dataset-AirPassengers').click()
  const long = `AirPassengers_${'monthly_international_airline_passengers_'.repeat(4)}1949_1960`
  await page.getByTestId('dataset-rename').click()
  await page.getByTestId('dataset-name').fill(long)
  await page.getByTestId('dataset-save').click()
  await expect(page.getByTestId(`dataset-${long}`)).toBeVisible()

  // A model to pick on the Forecast and Inside screens, renamed as long as the dataset.
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: long })
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-epochs').fill('2')
  await page.getByTestId('add-layer').click()
  expect(await cutDropdowns(page)).toEqual([])
  await page.getByTestId('start-training').click()
  await expect(page.getByTestId('training-state')).toHaveAttribute('data-state', 'completed', {
    timeout: 90_000,
  })
  await page.getByTestId('go-forecast').click()
  await page.getByTestId('model-rename').click()
  await page.getByTestId('model-name').fill(`${long}_model`)
  await page.getByTestId('model-save').click()
  await expect(page.getByTestId('forecast-model').locator('option:checked')).toContainText(`${long}_model`)

  for (const screen of ['forecast', 'inside', 'data', 'model', 'train', 'projects']) {
    await page.getByTestId(`nav-${screen}`).click()
    await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('aria-current', 'page')
    expect({ screen, cut: await cutDropdowns(page) }).toEqual({ screen, cut: [] })
  }
})
