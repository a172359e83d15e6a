import { expect, test } from './fixtures'
import { shoot, waitForProject } from './helpers'

test('the Projects screen lists the open and recent projects', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-projects').click()
  await expect(page.getByTestId('current-project')).toContainText('LSTM Studio sample')
  await expect(page.getByTestId('recent-projects').locator('li')).not.toHaveCount(0)
  await shoot(page, 'projects')
})

test('the Model screen counts weights exactly and flags invalid settings', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('preset-small').click()
  await page.getByTestId('field-horizon').fill('12')
  // Small: one LSTM of 16 units on 1 input: 4·16·17 + 8·16 = 1216, head 16·12 + 12 = 204.
  await expect(page.getByTestId('parameter-count')).toHaveText('1,420')
  await page.getByTestId('layer-0-cell').selectOption('gru')
  // GRU: 3·16·17 + 6·16 = 912, same head.
  await expect(page.getByTestId('parameter-count')).toHaveText('1,116')
  await page.getByTestId('field-layers-0-units').fill('2000')
  await expect(page.getByText('Between 1 and 1024')).toBeVisible()
  await expect(page.getByTestId('start-training')).toBeDisabled()
  await page.getByTestId('field-layers-0-units').fill('16')
  await expect(page.getByTestId('issue-count')).toHaveCount(0)
})
