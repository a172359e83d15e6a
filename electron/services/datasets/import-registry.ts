import { CodedError } from '../storage'

/**
 * Imports in flight, by the id the caller chose, so `data.cancelImport` can abort one.
 * An id that is still running cannot be reused: two imports never share a cancel handle.
 */
export class ImportRegistry {
  private readonly running = new Map<string, AbortController>()

  begin(importId: string): AbortSignal {
    if (this.running.has(importId)) {
      throw new CodedError('IMPORT_RUNNING', `An import with id "${importId}" is already running`)
    }
    const controller = new AbortController()
    this.running.set(importId, controller)
    return controller.signal
  }

  end(importId: string): void {
    this.running.delete(importId)
  }

  cancel(importId: string): boolean {
    const controller = this.running.get(importId)
    controller?.abort()
    return controller !== undefined
  }
}
