/** A start-up step that failed, with the name the user is shown. */
export class StartupStepError extends Error {
  constructor(
    readonly step: string,
    readonly reason: unknown,
  ) {
    super(`${step}: ${reason instanceof Error ? reason.message : String(reason)}`)
    this.name = 'StartupStepError'
  }
}

/** Runs one named step of the start-up; its failure names the step. */
export async function startupStep<T>(step: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw new StartupStepError(step, error)
  }
}

/** What a failed start-up does, given to `startOrExplain` (Electron's dialog and app in index.ts). */
export interface StartupFailureHandling {
  showErrorBox(title: string, content: string): void
  /** Closes what had started (the services), so nothing half-written is left behind. */
  cleanUp(): Promise<void>
  exit(code: number): void
  /** Where the failure is written for a terminal or a log (console.error in the app). */
  log(line: string): void
}

export const STARTUP_FAILED_TITLE = 'LSTM Studio could not start'

/**
 * Runs the start-up; if it throws, there would be no window and no word: instead the user
 * gets a message naming the step that failed and why, then the app closes what it had
 * started and exits with status 1.
 */
export async function startOrExplain(
  start: () => Promise<void>,
  failure: StartupFailureHandling,
): Promise<void> {
  try {
    await start()
  } catch (error) {
    const message = startupFailureMessage(error)
    failure.log(`${STARTUP_FAILED_TITLE}: ${message}`)
    failure.showErrorBox(STARTUP_FAILED_TITLE, message)
    await failure
      .cleanUp()
      .catch((cleanUpError: unknown) => failure.log(`Closing the services failed: ${cleanUpError}`))
    failure.exit(1)
  }
}

export function startupFailureMessage(error: unknown): string {
  const what = error instanceof StartupStepError ? `${error.step} failed` : 'Start-up failed'
  const reason = error instanceof StartupStepError ? error.reason : error
  const why = reason instanceof Error ? reason.message : String(reason)
  return `${what}: ${why}\n\nLSTM Studio will close now.`
}
