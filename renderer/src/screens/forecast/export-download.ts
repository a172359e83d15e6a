import type { ApiClient } from '../../api/client'

/**
 * A model export folder as one zip the browser can save: the services zip it into the project's
 * exports/ folder, then its bytes come over in chunks (one reply stays small whatever the model).
 */
export async function downloadExportZip(
  api: Pick<ApiClient, 'call'>,
  projectId: string,
  folder: string,
): Promise<{ name: string; blob: Blob }> {
  const { fileName, size } = await api.call('downloads.zipExport', { projectId, folder })
  const parts: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  while (received < size) {
    const chunk = await api.call('downloads.chunk', { projectId, fileName, offset: received })
    const bytes = Uint8Array.from(atob(chunk.data), (c) => c.charCodeAt(0))
    // An empty chunk before the end means the file shrank under us: stop rather than loop forever.
    if (bytes.length === 0)
      throw Object.assign(new Error(`The zip ${fileName} ended after ${received} of ${size} bytes`), {
        code: 'DOWNLOAD_INCOMPLETE',
      })
    parts.push(bytes)
    received += bytes.length
  }
  return { name: fileName, blob: new Blob(parts, { type: 'application/zip' }) }
}
