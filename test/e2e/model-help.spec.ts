import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { shoot, waitForProject } from './helpers'

/** Every visible control of the Model screen and the help text linked to it by aria-describedby. */
async function controlsAndHelp(page: Page): Promise<Array<{ control: string; help: string }>> {
  return page.locator('section.model').evaluate((section) =>
    [...section.querySelectorAll<HTMLElement>('input, select')]
      .filter((control) => control.offsetParent !== null)
      .map((control) => {
        const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
        const help = ids
          .map((id) => document.getElementById(id))
          .find((element) => element?.dataset.testid === 'setting-help')
        return {
          control: control.id || control.dataset.testid || control.outerHTML,
          help: help?.textContent ?? '',
        }
      }),
  )
}

test('every setting of the Model screen has short help, in English and in French', async ({
  appPage: page,
}) => {
  await waitForProject(page)
  await page.getByTestId('nav-model').click()
  await page.getByTestId('source-dataset').selectOption({ label: 'AirPassengers' })
  // Show the settings that appear only for some choices: a second layer, a schedule's parameters.
  await page.getByTestId('add-layer').click()
  await page.locator('#schedule').selectOption('plateau')
  // Two layers of 32 units are far too many weights for this short series: the summary says so.
  await expect(page.getByTestId('too-many-weights')).toContainText(/weights for [\d,]+ training values/)

  const english = await controlsAndHelp(page)
  expect(english.length).toBeGreaterThan(25)
  expect(english.filter((entry) => entry.help.trim().length < 15)).toEqual([])
  await expect(page.locator('#field-lookback-help')).toContainText('Past steps the network sees')
  await shoot(page, 'model-help')

  await page.getByTestId('language-select').selectOption('fr')
  const french = await controlsAndHelp(page)
  expect(french.filter((entry) => entry.help.trim().length < 15)).toEqual([])
  await expect(page.locator('#field-lookback-help')).toContainText('pas passés')
})
