import { CsvImportError } from './csv-import-error'
import { createDecoder, guessEncoding, looksLikeText } from './encoding'
import type { EncodingGuess } from './encoding'
import { analyseSample } from './layout'
import type { CsvLayout } from './layout'
import type { CsvImportOptions } from './types'

/** How much of the file's head is read to detect its format. */
export const SAMPLE_BYTES = 64 * 1024

export interface Preparation {
  encoding: EncodingGuess
  layout: CsvLayout
  /** Rough number of data rows, to size the column buffers once. */
  expectedRows: number
}

function isBlankText(text: string): boolean {
  return text.trim().length === 0
}

function estimateRows(sampleText: string, totalBytes: number, sampleBytes: number): number {
  const lines = sampleText.split('\n').length
  const bytesPerLine = Math.max(1, sampleBytes / Math.max(1, lines))
  return Math.ceil((totalBytes / bytesPerLine) * 1.05) + 16
}

/**
 * Detects everything about the file from its first bytes and refuses, early and with one message,
 * files that are empty, binary, or have nothing numeric to forecast.
 */
export function prepareImport(
  sample: Uint8Array,
  totalBytes: number,
  options: CsvImportOptions,
  fileName: string,
): Preparation {
  if (totalBytes === 0) throw new CsvImportError('EMPTY_FILE', fileName, 'is empty')
  const isWholeFile = sample.length >= totalBytes
  const encoding = guessEncoding(sample, isWholeFile, options.encoding)
  const text = createDecoderForSample(encoding).decode(sample.subarray(encoding.bomLength), {
    stream: !isWholeFile,
  })
  if (!looksLikeText(text))
    throw new CsvImportError('NOT_TEXT', fileName, 'is not a text file (it contains binary data)')
  if (isBlankText(text) && isWholeFile) throw new CsvImportError('EMPTY_FILE', fileName, 'is empty')
  const layout = analyseSample(text, isWholeFile, options, fileName)
  if (isWholeFile && layout.sampleRows.length === 0 && layout.header) {
    throw new CsvImportError('NO_DATA_ROWS', fileName, 'has a header but no rows of data')
  }
  if (layout.sampleRows.length > 0 && !layout.columns.some((c) => c.kind === 'numeric')) {
    const names = layout.columns.map((c) => c.name).join(', ')
    throw new CsvImportError(
      'NO_NUMERIC_COLUMN',
      fileName,
      `has no numeric column to forecast (columns: ${names})`,
    )
  }
  return { encoding, layout, expectedRows: estimateRows(text, totalBytes, sample.length) }
}

/** The sample may end mid-character, so it is decoded leniently; the full pass is strict. */
function createDecoderForSample(encoding: EncodingGuess): InstanceType<typeof TextDecoder> {
  return encoding.encoding === 'utf-8'
    ? new TextDecoder('utf-8', { ignoreBOM: true })
    : createDecoder(encoding.encoding)
}

/** Thrown internally when a file that looked like UTF-8 has an invalid byte later on. */
export class NotUtf8After extends Error {}
