import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { endianness } from 'node:os'
import { z } from 'zod'
import { writeFileAtomic } from '../storage/atomic-write'
import type { AtomicWriteOptions } from '../storage/atomic-write'
import { CacheDamagedError } from './errors'

/**
 * Parsed dataset cache, so reopening a project does not re-parse big CSVs:
 *   "LSTMCOLS" (8 bytes) | header length (uint32 LE) | JSON header (UTF-8) | column blocks.
 * Number columns are little-endian Float64 (NaN = missing), 8-byte aligned; text columns
 * are a JSON array of strings/nulls. docs/project-format.md has the details.
 */
export type ColumnarColumn =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'text'; values: Array<string | null> }

export interface ColumnarDataset {
  rowCount: number
  columns: ColumnarColumn[]
}

const MAGIC = Buffer.from('LSTMCOLS', 'ascii')
const PREAMBLE_BYTES = MAGIC.length + 4
const MAX_HEADER_BYTES = 16 * 1024 * 1024
const CACHE_VERSION = 1

const headerSchema = z.object({
  version: z.literal(CACHE_VERSION),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['float64', 'json-text']),
      offset: z.number().int().nonnegative(),
      byteLength: z.number().int().nonnegative(),
    }),
  ),
})

type CacheHeader = z.infer<typeof headerSchema>
const textValuesSchema = z.array(z.string().nullable())
const littleEndianHost = endianness() === 'LE'

function float64ToBytes(values: Float64Array): Buffer {
  if (littleEndianHost) return Buffer.from(values.buffer, values.byteOffset, values.byteLength)
  const bytes = Buffer.alloc(values.length * 8)
  values.forEach((value, index) => bytes.writeDoubleLE(value, index * 8))
  return bytes
}

function bytesToFloat64(bytes: Buffer): Float64Array {
  const values = new Float64Array(bytes.length / 8)
  if (littleEndianHost) new Uint8Array(values.buffer).set(bytes)
  else for (let index = 0; index < values.length; index++) values[index] = bytes.readDoubleLE(index * 8)
  return values
}

function encodeColumn(column: ColumnarColumn): Buffer {
  return column.kind === 'numeric'
    ? float64ToBytes(column.values)
    : Buffer.from(JSON.stringify(column.values), 'utf8')
}

const align8 = (value: number): number => Math.ceil(value / 8) * 8

/** Header offsets depend on the header's own length, so grow the reserved room until it fits. */
function layoutHeader(dataset: ColumnarDataset, blocks: Buffer[]): { header: Buffer; offsets: number[] } {
  let reserved = 0
  for (;;) {
    let offset = align8(PREAMBLE_BYTES + reserved)
    const offsets = blocks.map((block) => {
      const start = offset
      offset = align8(start + block.length)
      return start
    })
    const header: CacheHeader = {
      version: CACHE_VERSION,
      rowCount: dataset.rowCount,
      columns: dataset.columns.map((column, index) => ({
        name: column.name,
        kind: column.kind === 'numeric' ? 'float64' : 'json-text',
        offset: offsets[index],
        byteLength: blocks[index].length,
      })),
    }
    const encoded = Buffer.from(JSON.stringify(header), 'utf8')
    if (encoded.length <= reserved)
      return { header: Buffer.concat([encoded, Buffer.alloc(reserved - encoded.length, 0x20)]), offsets }
    reserved = encoded.length + 64
  }
}

export async function writeColumnarCache(
  filePath: string,
  dataset: ColumnarDataset,
  options: AtomicWriteOptions = {},
): Promise<void> {
  for (const column of dataset.columns) {
    if (column.values.length !== dataset.rowCount) {
      throw new RangeError(
        `Column "${column.name}" has ${column.values.length} values, expected ${dataset.rowCount}.`,
      )
    }
  }
  const blocks = dataset.columns.map(encodeColumn)
  const { header, offsets } = layoutHeader(dataset, blocks)
  const total = blocks.length
    ? align8(offsets[offsets.length - 1] + blocks[blocks.length - 1].length)
    : PREAMBLE_BYTES + header.length
  const file = Buffer.alloc(total)
  MAGIC.copy(file, 0)
  file.writeUInt32LE(header.length, MAGIC.length)
  header.copy(file, PREAMBLE_BYTES)
  blocks.forEach((block, index) => block.copy(file, offsets[index]))
  await writeFileAtomic(filePath, file, options)
}

async function readExactly(
  handle: FileHandle,
  position: number,
  length: number,
  filePath: string,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  if (filled < length) throw new CacheDamagedError(filePath, 'file ended early')
  return buffer
}

/** Every size is checked against the real file size before anything is allocated. */
async function readHeader(handle: FileHandle, fileSize: number, filePath: string): Promise<CacheHeader> {
  if (fileSize < PREAMBLE_BYTES) throw new CacheDamagedError(filePath, 'file too short')
  const preamble = await readExactly(handle, 0, PREAMBLE_BYTES, filePath)
  if (!preamble.subarray(0, MAGIC.length).equals(MAGIC))
    throw new CacheDamagedError(filePath, 'not a cache file')
  const headerBytes = preamble.readUInt32LE(MAGIC.length)
  if (headerBytes > MAX_HEADER_BYTES || PREAMBLE_BYTES + headerBytes > fileSize) {
    throw new CacheDamagedError(filePath, `header length ${headerBytes} does not fit in ${fileSize} bytes`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse((await readExactly(handle, PREAMBLE_BYTES, headerBytes, filePath)).toString('utf8'))
  } catch {
    throw new CacheDamagedError(filePath, 'header is not valid JSON')
  }
  const header = headerSchema.safeParse(parsed)
  if (!header.success) throw new CacheDamagedError(filePath, 'header has unexpected fields')
  const dataStart = PREAMBLE_BYTES + headerBytes
  for (const column of header.data.columns) {
    if (column.offset < dataStart || column.offset + column.byteLength > fileSize) {
      throw new CacheDamagedError(filePath, `column "${column.name}" lies outside the file`)
    }
    if (column.kind === 'float64' && column.byteLength !== header.data.rowCount * 8) {
      throw new CacheDamagedError(
        filePath,
        `column "${column.name}" has the wrong size for ${header.data.rowCount} rows`,
      )
    }
  }
  return header.data
}

async function readColumn(
  handle: FileHandle,
  spec: CacheHeader['columns'][number],
  rowCount: number,
  filePath: string,
): Promise<ColumnarColumn> {
  const bytes = await readExactly(handle, spec.offset, spec.byteLength, filePath)
  if (spec.kind === 'float64') return { name: spec.name, kind: 'numeric', values: bytesToFloat64(bytes) }
  let values: unknown
  try {
    values = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new CacheDamagedError(filePath, `text column "${spec.name}" is not valid JSON`)
  }
  const parsed = textValuesSchema.safeParse(values)
  if (!parsed.success || parsed.data.length !== rowCount) {
    throw new CacheDamagedError(filePath, `text column "${spec.name}" does not hold ${rowCount} texts`)
  }
  return { name: spec.name, kind: 'text', values: parsed.data }
}

export async function readColumnarCache(filePath: string): Promise<ColumnarDataset> {
  const handle = await open(filePath, 'r')
  try {
    const { size } = await handle.stat()
    const header = await readHeader(handle, size, filePath)
    const columns: ColumnarColumn[] = []
    for (const spec of header.columns) columns.push(await readColumn(handle, spec, header.rowCount, filePath))
    return { rowCount: header.rowCount, columns }
  } finally {
    await handle.close()
  }
}
