import { expect, test } from './fixtures'
import { createProject, csvCasePath, inspectCsv, shoot, waitForProject } from './helpers'

test('the French journey: a semicolon, decimal-comma, dd/mm/yyyy file', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('language-select').selectOption('fr')
  await expect(page.getByTestId('nav-data')).toHaveText('Données')
  await createProject(page, `Ventes ${Date.now()}`)

  await inspectCsv(page, csvCasePath('fr_semicolon_decimal_comma.csv'))
  await expect(page.getByTestId('preview-table')).toBeVisible()
  await expect(page.getByTestId('format-delimiter').locator('option').first()).toHaveText('Détecté : ;')
  await expect(page.getByTestId('format-decimal').locator('option').first()).toHaveText('Détecté : ,')
  // 01/02/2001 could be either order: the dialog says so, and the analyst picks day first.
  await expect(page.getByTestId('import-detected')).toContainText('ambigu')
  await page.getByTestId('format-date-order').selectOption('dmy')
  await expect(page.getByTestId('preview-table')).toContainText('103,77')
  // Under the raw text, what the import will read: the decimal comma and the day-first date.
  const secondRow = page.getByTestId('preview-table').locator('tbody tr').nth(1)
  await expect(secondRow.getByTestId('parsed-cell')).toHaveText(['1 févr. 2001', '103,77'])
  await shoot(page, 'import-dialog-fr')
  await page.getByTestId('import-run').click()

  await expect(page.getByTestId('series-length')).toHaveText('48 lignes')
  // Read day first, 01/02/2001 is the 1st of February: 48 months from January 2001 to December 2004.
  await expect(page.getByTestId('series-range')).toHaveText('du 1 janv. 2001 au 1 déc. 2004')
  await expect(page.getByTestId('notice').filter({ hasText: 'importé' })).toBeVisible()
  // The value column came through as numbers (decimal comma read), so the chart offers it.
  await expect(page.getByTestId('chart-column')).toHaveValue('Ventes')
  await shoot(page, 'data-fr')
})
