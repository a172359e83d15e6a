import { expect, test, watchForErrors } from './fixtures'

/** The guard every spec relies on must itself see what it is meant to catch. */
test('the error watch catches console errors, exceptions and unhandled rejections', async ({ page }) => {
  const problems = watchForErrors(page)
  await page.setContent('<p>blank</p>')
  await page.evaluate(() => {
    console.error('logged on purpose')
    setTimeout(() => {
      throw new TypeError('thrown on purpose')
    })
    void Promise.reject(new Error('rejected on purpose'))
  })
  await expect.poll(() => problems.length).toBe(3)
  expect(problems.join('\n')).toContain('logged on purpose')
  expect(problems.join('\n')).toContain('thrown on purpose')
  expect(problems.join('\n')).toContain('rejected on purpose')
})
