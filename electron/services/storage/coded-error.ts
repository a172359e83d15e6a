/**
 * Base of every error the storage and project services raise on purpose. The `code` is
 * stable and machine-readable (the renderer maps it to UI states); the message is written
 * for the person using the app, so it can be shown as is.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code
  /** What the error is about as data (`path`, `name`…), which the screens show beside their own words. */
  readonly details: Record<string, string> | undefined

  constructor(code: Code, message: string, options?: { cause?: unknown; details?: Record<string, string> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.name = new.target.name
    this.details = options?.details
  }
}

/** Narrowing helper for errno-style errors thrown by node:fs. */
export function hasErrnoCode(error: unknown, ...codes: string[]): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && codes.includes(code)
}
