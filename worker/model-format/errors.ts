/**
 * Why a model folder was refused. The code is stable (the UI and CLI map it to messages and
 * exit statuses); the message says what is wrong in words a person can act on.
 */
export type ModelFormatCode =
  /** Not a model of this app at all (wrong format name, not JSON, not an object). */
  | 'MODEL_FOREIGN'
  /** Written by a newer version of the format than this app reads. */
  | 'MODEL_TOO_NEW'
  /** Ours, but inconsistent: sizes, layout, checksum, NaN weights, missing fields. */
  | 'MODEL_DAMAGED'
  /** A file of the folder is absent. */
  | 'MODEL_MISSING_FILE'

export class ModelFormatError extends Error {
  readonly code: ModelFormatCode

  constructor(code: ModelFormatCode, message: string) {
    super(message)
    this.code = code
    this.name = 'ModelFormatError'
  }
}

export function damaged(message: string): ModelFormatError {
  return new ModelFormatError('MODEL_DAMAGED', `The model is damaged: ${message}`)
}
