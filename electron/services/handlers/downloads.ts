import { open as openFile, stat } from 'node:fs/promises'
import type { Handlers } from '../../api/dispatch'
import { DOWNLOAD_CHUNK_BYTES } from '../../api/requests/downloads'
import { EXPORTS_DIR, unusedName } from '../exports/export-file-name'
import { zipFolder } from '../exports/zip-folder'
import type { OpenProjects } from '../open-projects'
import { CodedError, writeFileAtomic } from '../storage'
import { hasErrnoCode } from '../storage/coded-error'

type DownloadHandlers = Pick<Handlers, 'downloads.zipExport' | 'downloads.chunk'>

/** A missing export (deleted since, or never made) is said as such, not as a raw ENOENT. */
function notFound(error: unknown, name: string): never {
  if (hasErrnoCode(error, 'ENOENT', 'ENOTDIR'))
    throw new CodedError('EXPORT_NOT_FOUND', `There is no export named "${name}" in this project`, {
      details: { name },
    })
  throw error
}

/** Exports the browser downloads: folders zipped, bytes read in chunks (see requests/downloads.ts). */
export function downloadHandlers(open: OpenProjects): DownloadHandlers {
  return {
    'downloads.zipExport': async ({ projectId, folder }) => {
      const session = open.get(projectId)
      const directory = await session.resolve(`${EXPORTS_DIR}/${folder}`)
      const isFolder = await stat(directory).then(
        (s) => s.isDirectory(),
        (error) => notFound(error, folder),
      )
      if (!isFolder)
        throw new CodedError('EXPORT_NOT_FOUND', `"${folder}" is not an export folder`, {
          details: { name: folder },
        })
      const zip = await zipFolder(directory)
      const fileName = await unusedName(await session.resolve(EXPORTS_DIR), folder, 'zip')
      await writeFileAtomic(await session.resolve(`${EXPORTS_DIR}/${fileName}`), zip)
      return { fileName, size: zip.byteLength }
    },
    'downloads.chunk': async ({ projectId, fileName, offset }) => {
      const session = open.get(projectId)
      const file = await session.resolve(`${EXPORTS_DIR}/${fileName}`)
      const handle = await openFile(file, 'r').catch((error) => notFound(error, fileName))
      try {
        const { size } = await handle.stat()
        const length = Math.max(0, Math.min(DOWNLOAD_CHUNK_BYTES, size - offset))
        const buffer = Buffer.alloc(length)
        const { bytesRead } = await handle.read(buffer, 0, length, offset)
        return { data: buffer.subarray(0, bytesRead).toString('base64'), size }
      } finally {
        await handle.close()
      }
    },
  }
}
