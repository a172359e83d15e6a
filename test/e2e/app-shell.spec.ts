import { expect, test } from './fixtures'
import { rawRequest } from './api-page'

test.describe('the app shell', () => {
  test('opens on the sample project and draws its series', async ({ appPage }) => {
    await expect(appPage.getByRole('heading', { name: 'Sample project' })).toBeVisible()
    await expect(appPage.getByTestId('sample-AirPassengers')).toBeVisible()
    const canvas = appPage.getByTestId('series-chart')
    await expect(canvas).toBeVisible()
    // The chart really drew: some pixels of the canvas are not transparent.
    await expect
      .poll(() =>
        canvas.evaluate((element: HTMLCanvasElement) => {
          const context = element.getContext('2d')
          if (!context) return 0
          const { data } = context.getImageData(0, 0, element.width, element.height)
          let painted = 0
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++
          return painted
        }),
      )
      .toBeGreaterThan(1000)
    await appPage.screenshot({ path: 'test-results/screenshots/sample-project.png' })
  })

  test('switches the interface to French and back', async ({ appPage }) => {
    const language = appPage.getByTestId('language-select')
    await language.selectOption('fr')
    await expect(appPage.getByRole('heading', { name: "Projet d'exemple" })).toBeVisible()
    await expect(appPage.locator('html')).toHaveAttribute('lang', 'fr')
    await language.selectOption('en')
    await expect(appPage.getByRole('heading', { name: 'Sample project' })).toBeVisible()
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
