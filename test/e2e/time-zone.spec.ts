import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { createProject, expectChartDrawn, inspectCsv, shoot, waitForProject } from './helpers'

// A viewer far from the file's zone: its times must still read as the file wrote them.
test.use({ timezoneId: 'America/New_York' })

/** Three days of hourly readings written at +01:00, starting at midnight on March 1st, 2020. */
function hourlyCsvAtPlusOne(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lstm-e2e-zone-'))
  const rows = Array.from({ length: 72 }, (_, hour) => {
    const day = String(1 + Math.floor(hour / 24)).padStart(2, '0')
    const time = String(hour % 24).padStart(2, '0')
    return `2020-03-${day}T${time}:00:00+01:00,${(50 + 10 * Math.sin(hour / 4)).toFixed(2)}`
  })
  const file = path.join(folder, 'load-paris.csv')
  writeFileSync(file, `time,load\n${rows.join('\n')}\n`)
  return file
}

test('a file written at +01:00 is shown in its own zone, and says so', async ({ appPage: page }) => {
  await waitForProject(page)
  await createProject(page, `Zones ${Date.now()}`)
  await inspectCsv(page, hourlyCsvAtPlusOne())
  await expect(page.getByTestId('preview-table')).toBeVisible()
  // The preview reads the first cell as the file wrote it: midnight on March 1st.
  const firstRow = page.getByTestId('preview-table').locator('tbody tr').first()
  await expect(firstRow.getByTestId('parsed-cell').first()).toHaveText('Mar 1, 2020')
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('series-length')).toHaveText('72 rows')
  // Not "from Feb 29, 2020" (UTC) nor the viewer's New York evening.
  await expect(page.getByTestId('series-range')).toHaveText('from Mar 1, 2020 to Mar 3, 2020')
  await expect(page.getByTestId('series-zone')).toHaveText('times in UTC+01:00, as the file wrote them')
  await expectChartDrawn(page.getByTestId('series-chart'))
  await shoot(page, 'data-time-zone')

  await page.getByTestId('language-select').selectOption('fr')
  await expect(page.getByTestId('series-range')).toHaveText('du 1 mars 2020 au 3 mars 2020')
  await expect(page.getByTestId('series-zone')).toHaveText(
    'heures en UTC+01:00, telles que le fichier les écrit',
  )
})
