import { expect, test } from './fixtures'
import { rawRequest } from './api-page'
import { expectChartDrawn, shoot, waitForProject } from './helpers'

test.describe('the app shell', () => {
  test('opens on the sample project and draws its series', async ({ appPage }) => {
    await waitForProject(appPage)
    await expect(appPage.getByTestId('project-name')).toContainText('LSTM Studio sample')
    await expect(appPage.getByRole('heading', { name: 'Data', exact: true })).toBeVisible()
    await expect(appPage.getByTestId('dataset-AirPassengers')).toBeVisible()
    await expectChartDrawn(appPage.getByTestId('series-chart'))
    await shoot(appPage, 'sample-project')
  })

  test('switches the interface to French and back', async ({ appPage }) => {
    await waitForProject(appPage)
    const language = appPage.getByTestId('language-select')
    await language.selectOption('fr')
    await expect(appPage.getByRole('heading', { name: 'Données', exact: true })).toBeVisible()
    await expect(appPage.locator('html')).toHaveAttribute('lang', 'fr')
    await language.selectOption('en')
    await expect(appPage.getByRole('heading', { name: 'Data', exact: true })).toBeVisible()
  })

  test('runs under its Content-Security-Policy without trying eval, settings checked by the contract', async ({
    appPage,
  }) => {
    // Every violation the page reports, from its first script on (the schemas load with the app).
    await appPage.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { cspViolations: seen })
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective))
    })
    await appPage.reload()
    await waitForProject(appPage)
    await appPage.getByTestId('nav-model').click()
    await appPage.getByTestId('field-epochs').fill('0')
    await expect(appPage.getByText('Between 1 and 100000')).toBeVisible()
    expect(
      await appPage.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([])
  })

  test('round-trips a request through the API', async ({ appPage }) => {
    await expect(appPage.getByTestId('app-info')).toContainText('Version')
    const reply = await rawRequest(appPage, 'app.echo', { message: 'bonjour' })
    expect(reply).toMatchObject({ ok: true, result: { message: 'bonjour' } })
  })

  test('a malformed call gets the typed error, and the app carries on', async ({ appPage }) => {
    const reply = await rawRequest(appPage, 'app.echo', { message: 42 })
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'message' } })
    const unknown = await rawRequest(appPage, 'no.such.request', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } })
    const after = await rawRequest(appPage, 'app.echo', { message: 'still here' })
    expect(after).toMatchObject({ ok: true })
  })
})
