import { CodedError } from '../storage/index'

export type ExportErrorCode =
  'EXPORT_SAME_FOLDER' | 'EXPORT_NOT_A_FOLDER' | 'EXPORT_FOLDER_NOT_EMPTY' | 'EXPORT_NO_NETWORK'

export class ExportError extends CodedError<ExportErrorCode> {}
