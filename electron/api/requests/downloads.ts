import { z } from 'zod'
import { defineRequest } from '../define'
import { recordId } from './common'

/** Raw bytes per `downloads.chunk` (base64 on the wire), well under the server's per-client queue. */
export const DOWNLOAD_CHUNK_BYTES = 1024 * 1024

/** A file of the project's `exports/` folder: one plain name, no folders, no way out. */
const exportFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/, 'must be a file name in the exports folder, without folders')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name in the exports folder')

/**
 * Exports a browser can download: a model export folder becomes one zip in `exports/`, whose
 * bytes the browser then reads chunk by chunk (it cannot open a path on the server's disk).
 */
export const downloadRequests = {
  'downloads.zipExport': defineRequest<{ fileName: string; size: number }>()(
    "Zips a model export folder (as models.export wrote it into the project's exports folder).",
    z.object({ projectId: recordId, folder: exportFileName }).strict(),
  ),
  'downloads.chunk': defineRequest<{ data: string; size: number }>()(
    'Bytes of a file in the exports folder (base64), from `offset`, at most 1 MiB; `size` is the whole file.',
    z.object({ projectId: recordId, fileName: exportFileName, offset: z.number().int().min(0) }).strict(),
  ),
}
