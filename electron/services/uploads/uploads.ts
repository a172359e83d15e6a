import { randomUUID } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { mkdir, open, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ProjectSession } from '../projects'
import { CodedError, toSafeFileName } from '../storage'

/** Files sent from the browser land in `<project>/uploads/<upload id>/<their name>`. */
export const UPLOADS_DIR = 'uploads'
/** Uploads open at once; a client that opens more is refused rather than filling the disk. */
const MAX_OPEN = 8

interface OpenUpload {
  folder: string
  file: string
  handle: FileHandle
  size: number
  /** Bytes accepted so far: the next chunk must start here. */
  received: number
}

/**
 * Uploads in progress. Chunks must arrive in order, each starting where the last ended, and
 * never past the size announced at the start, so a confused or hostile client can neither
 * leave holes nor write more than it said.
 */
export class Uploads {
  private readonly open = new Map<string, OpenUpload>()

  async begin(session: ProjectSession, fileName: string, size: number): Promise<string> {
    if (this.open.size >= MAX_OPEN)
      throw new CodedError(
        'TOO_MANY_UPLOADS',
        'Too many files are being sent at once; wait for one to finish',
      )
    await session.assertWritable()
    const uploadId = randomUUID()
    const folder = await session.resolve(path.join(UPLOADS_DIR, uploadId))
    await mkdir(folder, { recursive: true })
    const file = path.join(folder, toSafeFileName(fileName, 'upload.csv'))
    const handle = await open(file, 'wx')
    this.open.set(uploadId, { folder, file, handle, size, received: 0 })
    return uploadId
  }

  async chunk(uploadId: string, offset: number, data: string): Promise<number> {
    const upload = this.get(uploadId)
    if (offset !== upload.received)
      throw new CodedError(
        'UPLOAD_OUT_OF_ORDER',
        `This part of the file starts at byte ${offset}, but ${upload.received} bytes have arrived`,
      )
    const bytes = Buffer.from(data, 'base64')
    if (upload.received + bytes.length > upload.size) {
      await this.abort(uploadId)
      throw new CodedError('UPLOAD_TOO_LARGE', 'The file is larger than announced; the upload was abandoned')
    }
    // Counted before writing, so a chunk sent twice at once is refused, not written twice.
    upload.received += bytes.length
    await upload.handle.write(bytes, 0, bytes.length, offset)
    return upload.received
  }

  async finish(uploadId: string): Promise<string> {
    const upload = this.get(uploadId)
    if (upload.received !== upload.size)
      throw new CodedError(
        'UPLOAD_INCOMPLETE',
        `Only ${upload.received} of the file's ${upload.size} bytes have arrived`,
      )
    this.open.delete(uploadId)
    await upload.handle.close()
    return upload.file
  }

  async abort(uploadId: string): Promise<boolean> {
    const upload = this.open.get(uploadId)
    if (!upload) return false
    this.open.delete(uploadId)
    await upload.handle.close().catch(() => undefined)
    await rm(upload.folder, { recursive: true, force: true })
    return true
  }

  /** The app is closing: what did not finish arriving is removed. */
  async dispose(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.abort(id)))
  }

  private get(uploadId: string): OpenUpload {
    const upload = this.open.get(uploadId)
    if (!upload)
      throw new CodedError(
        'UPLOAD_NOT_FOUND',
        'This upload is not in progress (finished, abandoned or unknown)',
      )
    return upload
  }
}
