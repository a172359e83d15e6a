/** The app as quitting uses it (Electron's `app`; tests pass an object of their own). */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

/**
 * Quitting waits for the services: the first `before-quit` is held back while `dispose`
 * interrupts training and flushes its checkpoints, then the app quits again, for real.
 * Quit requests that arrive meanwhile wait for the same disposal. A disposal that fails is
 * reported and does not keep the app open.
 */
export function quitAfterDispose(
  app: QuittingApp,
  dispose: () => Promise<void>,
  report: (error: unknown) => void = (error) =>
    console.error('LSTM Studio: closing the services failed:', error),
): void {
  let state: 'running' | 'disposing' | 'disposed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'disposed') return
    event.preventDefault()
    if (state === 'disposing') return
    state = 'disposing'
    void dispose()
      .catch(report)
      .finally(() => {
        state = 'disposed'
        app.quit()
      })
  })
}
