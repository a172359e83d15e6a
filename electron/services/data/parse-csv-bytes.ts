import { BlockSplitter } from './block-splitter'
import { asCsvImportError } from './csv-import-error'
import { createDecoder } from './encoding'
import { finalizeImport } from './finalize'
import { prepareImport, SAMPLE_BYTES } from './prepare'
import { RowCollector } from './row-collector'
import type { CsvImportOptions, ImportOutcome } from './types'

const BLOCK_CHARS = 1 << 20

function decodeAll(
  bytes: Uint8Array,
  encoding: Parameters<typeof createDecoder>[0],
  skip: number,
): string | null {
  try {
    return createDecoder(encoding).decode(bytes.subarray(skip))
  } catch {
    return null
  }
}

function parseOnce(bytes: Uint8Array, fileName: string, options: CsvImportOptions): ImportOutcome {
  const prepared = prepareImport(bytes.subarray(0, SAMPLE_BYTES), bytes.length, options, fileName)
  const { encoding, layout } = prepared
  const text = decodeAll(bytes, encoding.encoding, encoding.bomLength)
  // Valid UTF-8 at the head but not further on: the file is really in a legacy single-byte encoding.
  if (text === null) return parseOnce(bytes, fileName, { ...options, encoding: 'latin1' })
  const collector = new RowCollector(layout, fileName, prepared.expectedRows)
  const splitter = new BlockSplitter(
    layout.delimiter,
    layout.lineEnding,
    (row, q) => collector.addRow(row, q),
    fileName,
  )
  for (let at = 0; at < text.length; at += BLOCK_CHARS) splitter.push(text.slice(at, at + BLOCK_CHARS))
  splitter.finish()
  const decoding = { encoding: encoding.encoding, bom: encoding.bomLength > 0 }
  return finalizeImport(collector, layout, decoding, options, fileName)
}

/**
 * Parses a whole CSV file held in memory. Pure and synchronous (no I/O), so it suits small files,
 * tests and fuzzing; `importCsv` streams large files from disk instead. Refusals throw CsvImportError.
 */
export function parseCsvBytes(
  bytes: Uint8Array,
  fileName: string,
  options: CsvImportOptions = {},
): ImportOutcome {
  try {
    return parseOnce(bytes, fileName, options)
  } catch (error) {
    throw asCsvImportError(error, fileName)
  }
}
