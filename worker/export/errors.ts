/**
 * An export the target format cannot represent faithfully. Refused rather than approximated:
 * an exported model that silently gives different numbers is worse than none.
 */
export class ExportUnsupportedError extends Error {
  readonly code = 'EXPORT_UNSUPPORTED'

  constructor(message: string) {
    super(message)
    this.name = 'ExportUnsupportedError'
  }
}
