/** What the training loop does at a step boundary. */
export type ControlDecision = 'continue' | 'stop' | 'cancel' | 'interrupt'

/**
 * Pause / resume / stop / cancel requests, honoured between two steps (a step in flight always
 * completes, so the shared weights are never left half-updated).
 */
export class JobControl {
  private pauseRequested = false
  private ending: 'stop' | 'cancel' | 'interrupt' | null = null
  private wake: (() => void) | null = null

  constructor(private readonly hooks: { onPaused(): void; onResumed(): void }) {}

  pause(): void {
    if (!this.ending) this.pauseRequested = true
  }

  resume(): void {
    this.pauseRequested = false
    this.release()
  }

  stop(): void {
    this.ending ??= 'stop'
    this.release()
  }

  cancel(): void {
    this.ending = 'cancel'
    this.release()
  }

  /** The app is closing: end between two steps and keep every checkpoint, so the job can resume. */
  interrupt(): void {
    this.ending = 'interrupt'
    this.release()
  }

  get requestedEnding(): 'stop' | 'cancel' | 'interrupt' | null {
    return this.ending
  }

  /** Called between steps: waits while paused, then says whether to go on. */
  async atStepBoundary(): Promise<ControlDecision> {
    if (this.pauseRequested && !this.ending) {
      this.hooks.onPaused()
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
      if (!this.ending) this.hooks.onResumed()
    }
    return this.ending ?? 'continue'
  }

  private release(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}
