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
}

/** Thrown by clients when a reply carries an error, so callers can `catch (e) { e.code }`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly field: string | undefined

  constructor(payload: ApiErrorPayload) {
    super(payload.message)
    this.name = 'ApiError'
    this.code = payload.code
    this.field = payload.field
  }
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
      return withField({ code, message: error.message }, typeof field === 'string' ? field : undefined)
    }
    return { code: 'INTERNAL', message: `Internal error: ${error.message}` }
  }
  return { code: 'INTERNAL', message: 'Internal error: a handler failed without an error object' }
}

function withField(payload: ApiErrorPayload, field: string | undefined): ApiErrorPayload {
  return field === undefined ? payload : { ...payload, field }
}
