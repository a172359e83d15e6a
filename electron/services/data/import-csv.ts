import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { BlockSplitter } from './block-splitter'
import { asCsvImportError, CsvImportError } from './csv-import-error'
import { ChunkDecoder } from './encoding'
import { finalizeImport } from './finalize'
import { NotUtf8After, prepareImport, SAMPLE_BYTES } from './prepare'
import { RowCollector } from './row-collector'
import type { CsvImportOptions, ImportControl, ImportOutcome } from './types'

const READ_CHUNK_BYTES = 1048576
const PROGRESS_INTERVAL_MS = 100

export async function readHead(path: string, maxBytes: number): Promise<{ head: Uint8Array; size: number }> {
  const handle = await open(path, 'r')
  try {
    const size = (await handle.stat()).size
    const head = new Uint8Array(Math.min(size, maxBytes))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return { head: head.subarray(0, bytesRead), size }
  } finally {
    await handle.close()
  }
}

/** Calls back at most every PROGRESS_INTERVAL_MS, plus once at the very end. */
function throttledProgress(
  control: ImportControl,
): (fraction: number, rows: number, final?: boolean) => void {
  let last = -Infinity
  return (fraction, rows, final = false) => {
    if (!control.onProgress) return
    const now = Date.now()
    if (!final && now - last < PROGRESS_INTERVAL_MS) return
    last = now
    control.onProgress(fraction, rows)
  }
}

function throwIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw new CsvImportError('CANCELLED', fileName, 'the import was cancelled')
}

function decodeChunk(decoder: ChunkDecoder, chunk?: Uint8Array): string {
  try {
    return chunk ? decoder.decode(chunk) : decoder.end()
  } catch {
    throw new NotUtf8After()
  }
}

async function importOnce(
  path: string,
  fileName: string,
  options: CsvImportOptions,
  control: ImportControl,
): Promise<ImportOutcome> {
  const { head, size } = await readHead(path, SAMPLE_BYTES)
  const prepared = prepareImport(head, size, options, fileName)
  const { encoding, layout } = prepared
  const collector = new RowCollector(layout, fileName, prepared.expectedRows)
  const splitter = new BlockSplitter(
    layout.delimiter,
    layout.lineEnding,
    (row, q) => collector.addRow(row, q),
    fileName,
  )
  const decoder = new ChunkDecoder(encoding.encoding)
  const progress = throttledProgress(control)
  let bytesRead = encoding.bomLength
  const stream = createReadStream(path, { start: encoding.bomLength, highWaterMark: READ_CHUNK_BYTES })
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    throwIfCancelled(control.signal, fileName)
    splitter.push(decodeChunk(decoder, chunk))
    bytesRead += chunk.length
    progress(Math.min(1, bytesRead / size), collector.rowCount)
  }
  splitter.push(decodeChunk(decoder))
  splitter.finish()
  throwIfCancelled(control.signal, fileName)
  const outcome = finalizeImport(
    collector,
    layout,
    { encoding: encoding.encoding, bom: encoding.bomLength > 0 },
    options,
    fileName,
  )
  progress(1, collector.rowCount, true)
  return outcome
}

/**
 * Imports a CSV file from disk, streaming it through the parser so that memory holds one chunk of
 * text at a time plus the growing columns. Resolves to a dataset or a needs-decision outcome;
 * rejects only with CsvImportError (including code CANCELLED when `signal` aborts).
 */
export async function importCsv(
  path: string,
  options: CsvImportOptions = {},
  control: ImportControl = {},
): Promise<ImportOutcome> {
  const fileName = basename(path)
  try {
    throwIfCancelled(control.signal, fileName)
    const info = await stat(path).catch(() => {
      throw new CsvImportError('READ_FAILED', fileName, 'cannot be read (missing file or no permission)')
    })
    if (info.isDirectory()) throw new CsvImportError('READ_FAILED', fileName, 'is a folder, not a CSV file')
    try {
      return await importOnce(path, fileName, options, control)
    } catch (error) {
      if (!(error instanceof NotUtf8After)) throw error
      return await importOnce(path, fileName, { ...options, encoding: 'latin1' }, control)
    }
  } catch (error) {
    throw asCsvImportError(error, fileName)
  }
}
