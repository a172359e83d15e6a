import { UPLOAD_CHUNK_BYTES } from '../../../../electron/api/requests/uploads'
import type { ApiClient } from '../../api/client'

/** The part of a File the upload reads (a Blob with the name the user's system gave it). */
export interface UploadSource {
  name: string
  size: number
  slice(start: number, end: number): Blob
}

/** Bytes as base64, in slices so a large chunk never overflows String.fromCharCode's arguments. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Sends a file the user chose in the browser into the project, one chunk at a time (a chunk is
 * read only when the last one has arrived, so a large file never sits whole in memory), and
 * answers its path on the server. A failure abandons the upload, leaving nothing behind.
 */
export async function uploadFile(
  api: ApiClient,
  projectId: string,
  file: UploadSource,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const { uploadId } = await api.call('uploads.begin', { projectId, fileName: file.name, size: file.size })
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      const end = Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)
      const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer())
      await api.call('uploads.chunk', { uploadId, offset, data: toBase64(bytes) })
      onProgress(end / file.size)
    }
    const { path } = await api.call('uploads.finish', { uploadId })
    onProgress(1)
    return path
  } catch (error) {
    await api.call('uploads.abort', { uploadId }).catch(() => undefined)
    throw error
  }
}
