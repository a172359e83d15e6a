import { Buffer, isAscii } from 'node:buffer'
import type { TextEncodingName } from './types'

export interface EncodingGuess {
  encoding: TextEncodingName
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

function bomOf(bytes: Uint8Array): EncodingGuess | null {
  if (startsWith(bytes, UTF8_BOM)) return { encoding: 'utf-8', bomLength: 3 }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 }
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 }
  return null
}

function isPrintableAscii(b: number): boolean {
  return (b >= 32 && b < 127) || b === 9 || b === 10 || b === 13
}

/** ASCII text saved as UTF-16 without a BOM: a zero in every other byte, printable ASCII in the rest. */
function bomlessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  const pairs = n / 2
  for (const [zeroAt, textAt, encoding] of [
    [1, 0, 'utf-16le'],
    [0, 1, 'utf-16be'],
  ] as const) {
    let fits = 0
    for (let i = 0; i < n; i += 2) if (bytes[i + zeroAt] === 0 && isPrintableAscii(bytes[i + textAt])) fits++
    if (fits >= pairs * 0.95) return encoding
  }
  return null
}

/** True when the bytes are valid UTF-8, tolerating a multi-byte character cut off at the end of a sample. */
export function isValidUtf8(bytes: Uint8Array, isWholeFile: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !isWholeFile })
    return true
  } catch {
    return false
  }
}

/** Picks the encoding from a BOM, else UTF-8 when the sample decodes strictly, else Latin-1. */
export function guessEncoding(
  sample: Uint8Array,
  isWholeFile: boolean,
  forced?: TextEncodingName,
): EncodingGuess {
  const bom = bomOf(sample)
  if (forced) return { encoding: forced, bomLength: bom && bom.encoding === forced ? bom.bomLength : 0 }
  if (bom) return bom
  const utf16 = bomlessUtf16(sample)
  if (utf16) return { encoding: utf16, bomLength: 0 }
  return { encoding: isValidUtf8(sample, isWholeFile) ? 'utf-8' : 'latin1', bomLength: 0 }
}

/** A strict decoder for UTF-8 (so a bad byte later in the file is noticed), lenient for the rest. */
export function createDecoder(encoding: TextEncodingName): InstanceType<typeof TextDecoder> {
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true })
}

/**
 * Control characters other than tab, CR, LF (and form feed, which some exports leave behind)
 * mean the file is binary or in an encoding we cannot read; CSV text never contains them.
 */
export function looksLikeText(text: string): boolean {
  const n = Math.min(text.length, 65536)
  if (n === 0) return true
  let control = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return false
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++
    else if (c === 0xfffd) control++
  }
  return control / n < 0.01
}

/**
 * Streams bytes to text. Chunks that are pure ASCII (most of a large numeric CSV) are copied
 * straight into one-byte strings, which is several times cheaper than TextDecoder; once a chunk
 * needs the real decoder it keeps it, since it may hold part of a character.
 */
export class ChunkDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>
  private decoderInUse = false

  constructor(private readonly encoding: TextEncodingName) {
    this.decoder = createDecoder(encoding)
  }

  /** Throws a TypeError on bytes that are not valid UTF-8 (only for the utf-8 encoding). */
  decode(chunk: Uint8Array): string {
    const asciiCompatible = this.encoding === 'utf-8' || this.encoding === 'latin1'
    if (asciiCompatible && !this.decoderInUse && isAscii(chunk)) {
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1')
    }
    this.decoderInUse = true
    return this.decoder.decode(chunk, { stream: true })
  }

  end(): string {
    return this.decoderInUse ? this.decoder.decode() : ''
  }
}
