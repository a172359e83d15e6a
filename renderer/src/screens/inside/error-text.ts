/** The message of whatever a request rejected with (an ApiError, an Error or anything else). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
