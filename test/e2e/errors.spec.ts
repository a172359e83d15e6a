import { expect, test } from './fixtures'
import { csvCasePath, inspectCsv, samplePath, shoot, waitForProject } from './helpers'

test('a broken CSV gives a clear message and the app carries on', async ({ appPage: page }) => {
  await waitForProject(page)
  await inspectCsv(page, csvCasePath('binary_garbage.csv'))
  const notice = page.getByTestId('notice').first()
  await expect(notice).toBeVisible()
  await expect(notice).not.toContainText('Internal error')
  await expect(page.getByTestId('preview-table')).toHaveCount(0)
  await shoot(page, 'error-notice')
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByTestId('notice')).toHaveCount(0)

  // The same dialog still works with a good file afterwards.
  await page.getByTestId('import-path').fill(samplePath('Nile.csv'))
  await page.getByTestId('import-inspect').click()
  await expect(page.getByTestId('preview-table')).toBeVisible()
})

test('a wrong path is explained in the interface language, not as ENOENT', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('language-select').selectOption('fr')
  await inspectCsv(page, '/no/such/folder/ventes.csv')
  const notice = page.getByTestId('notice').first()
  await expect(notice).toContainText('Aucun fichier à cet emplacement')
  await expect(notice).not.toContainText('ENOENT')
  await page.getByTestId('import-path').fill(samplePath(''))
  await page.getByTestId('import-inspect').click()
  await expect(page.getByTestId('notice').filter({ hasText: 'est un dossier' })).toBeVisible()
})
