/**
 * The error half of the request/reply envelope. Every failure that crosses the API
 * boundary becomes an ApiErrorPayload: a stable `code` the UI can branch on, a message a
 * person can read, and for invalid arguments the dotted path of the offending field.
 */
export type ApiErrorCode =
  'INVALID_ARGUMENTS' | 'UNKNOWN_REQUEST' | 'MALFORMED_MESSAGE' | 'INTERNAL' | (string & {}) // domain codes from the services, e.g. PROJECT_LOCKED, EMPTY_FILE

export interface ApiErrorPayload {
  code: ApiErrorCode
  message: string
  /** Dotted path of the argument that failed validation, e.g. `options.delimiter`. */
  field?: string
  /**
   * The facts of the failure as data, in no language (`path`, `file`, `line`, `column`, `name`…),
   * so the interface can say the message in its own language and still show what it is about.
   */
  details?: ErrorDetails
}

export type ErrorDetails = Record<string, string>

/** Thrown by clients when a reply carries an error, so callers can `catch (e) { e.code }`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly field: string | undefined
  readonly details: ErrorDetails | undefined

  constructor(payload: ApiErrorPayload) {
    super(payload.message)
    this.name = 'ApiError'
    this.code = payload.code
    this.field = payload.field
    this.details = payload.details
  }
}

/** Only short strings cross as details: anything else a thrown error carries stays on this side. */
function detailsOf(value: unknown): ErrorDetails | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length <= 4096,
  )
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/**
 * A system error from node:fs (ENOENT, EISDIR, EACCES…) that escaped a handler: its code is kept
 * for the interface to say in words, its path as a detail; its raw text is not what a user reads.
 */
function systemErrorDetails(error: Error): ErrorDetails | undefined {
  const { syscall, path } = error as { syscall?: unknown; path?: unknown }
  if (typeof syscall !== 'string') return undefined
  return typeof path === 'string' ? { path } : undefined
}

/**
 * Turns anything a handler threw into a payload. Errors that carry a string `code` are
 * domain errors written for users and pass through; anything else is an internal fault,
 * reported without its stack so nothing of the machine leaks to a browser page.
 */
export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof ApiError) return withField({ code: error.code, message: error.message }, error.field)
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    const field = (error as { field?: unknown }).field
    if (typeof code === 'string' && code.length > 0) {
      const details = detailsOf((error as { details?: unknown }).details) ?? systemErrorDetails(error)
      const payload = withField(
        { code, message: error.message },
        typeof field === 'string' ? field : undefined,
      )
      return details ? { ...payload, details } : payload
    }
    return { code: 'INTERNAL', message: `Internal error: ${error.message}` }
  }
  return { code: 'INTERNAL', message: 'Internal error: a handler failed without an error object' }
}

function withField(payload: ApiErrorPayload, field: string | undefined): ApiErrorPayload {
  return field === undefined ? payload : { ...payload, field }
}
