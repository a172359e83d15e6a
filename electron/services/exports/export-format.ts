export type ExportFormat = 'onnx' | 'tfjs' | 'native'

export const EXPORT_FORMATS: readonly ExportFormat[] = ['onnx', 'tfjs', 'native']

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)
}

export const FORMAT_TITLES: Record<ExportFormat, string> = {
  onnx: 'ONNX',
  tfjs: 'TensorFlow.js Layers',
  native: 'LSTM Studio native',
}
