import { z } from 'zod'
import { defineRequest } from '../define'
import { recordId } from './common'

/** Raw bytes per `uploads.chunk`: base64 makes ~1.4 MB of a frame the server accepts up to 8 MB. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024
/** Largest file the browser may send (the importer streams files far bigger than RAM allows). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024

const base64 = z
  .string()
  .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

/**
 * A file the browser sends into a project, in order, chunk by chunk (the loopback server has
 * no other way in: a browser cannot name a path on the server's disk). `finish` answers the
 * file's path on the server, which `data.inspect` and `data.import` then take like a typed one.
 */
export const uploadRequests = {
  'uploads.begin': defineRequest<{ uploadId: string }>()(
    "Starts sending a file into the project's uploads folder.",
    z
      .object({
        projectId: recordId,
        fileName: z.string().trim().min(1).max(255),
        size: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
      })
      .strict(),
  ),
  'uploads.chunk': defineRequest<{ received: number }>()(
    'The next bytes of an upload (base64), starting at `offset` (the bytes received so far).',
    z
      .object({ uploadId: recordId, offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES), data: base64 })
      .strict(),
  ),
  'uploads.finish': defineRequest<{ path: string }>()(
    'Ends an upload once every byte arrived; answers the file’s path on the server.',
    z.object({ uploadId: recordId }).strict(),
  ),
  'uploads.abort': defineRequest<{ aborted: boolean }>()(
    'Abandons an upload and deletes what arrived of it.',
    z.object({ uploadId: recordId }).strict(),
  ),
}
