/** A window as a second launch brings it forward. */
export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

/** The app as the single-instance lock uses it (Electron's `app`; tests pass their own). */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  on(event: 'second-instance', listener: () => void): unknown
  quit(): void
}

/**
 * One LSTM Studio per data folder: projects and training jobs live in one main process, so a
 * second launch does not start another; it quits, and the first brings its window forward
 * (or opens one where none is left). Returns whether this process is the one that runs.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  windows: { current(): FocusableWindow | undefined; open(): void },
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => {
    const window = windows.current()
    if (!window) return windows.open()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  return true
}
