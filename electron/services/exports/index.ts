/** Export folders (ONNX, TensorFlow.js Layers, native) with a model card, written atomically file by file. */
export { EXPORT_FORMATS, FORMAT_TITLES, isExportFormat, type ExportFormat } from './export-format'
export {
  ExportError,
  exportLoadedModel,
  exportModelFolder,
  type ExportErrorCode,
  type ExportFolderOptions,
  type ExportResult,
} from './export-model'
export { modelCard, type ModelCardInput } from './model-card'
