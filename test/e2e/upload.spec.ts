import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { samplePath, waitForProject } from './helpers'

/** In the browser the server cannot read the user's disk: the file is sent into the project. */
test('browser mode: upload a CSV with the button, then one by drag and drop', async ({ appPage: page }) => {
  await waitForProject(page)
  await page.getByTestId('nav-data').click()
  await page.getByTestId('open-import').click()

  await test.step('the button sends the file and shows the same detection and preview', async () => {
    await page.getByTestId('upload-input').setInputFiles(samplePath('AirPassengers.csv'))
    await expect(page.getByTestId('preview-table')).toBeVisible()
    await expect(page.getByTestId('import-detected')).toContainText('monthly')
    await expect(page.getByTestId('import-path')).toHaveValue(/uploads.*AirPassengers\.csv$/)
  })

  await test.step('a file dropped on the dialog is sent the same way, and imports', async () => {
    const content = readFileSync(samplePath('Nile.csv'), 'utf8')
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'Dropped Nile.csv', { type: 'text/csv' }))
      return transfer
    }, content)
    await page.getByTestId('upload-drop').dispatchEvent('drop', { dataTransfer })
    await expect(page.getByTestId('import-path')).toHaveValue(/Dropped Nile\.csv$/)
    await expect(page.getByTestId('preview-table')).toBeVisible()
    await page.getByTestId('import-run').click()
    await expect(page.getByTestId('dataset-Dropped Nile')).toBeVisible()
  })
})
