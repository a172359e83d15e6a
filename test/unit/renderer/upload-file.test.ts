import { describe, expect, it, vi } from 'vitest'
import { UPLOAD_CHUNK_BYTES } from '../../../electron/api/requests/uploads'
import type { ApiClient } from '../../../renderer/src/api/client'
import { toBase64, uploadFile } from '../../../renderer/src/screens/data/upload-file'

function fakeApi(failAt?: number) {
  const received: Array<{ offset: number; bytes: number }> = []
  const call = vi.fn(async (name: string, args: { offset?: number; data?: string }) => {
    if (name === 'uploads.begin') return { uploadId: 'u1' }
    if (name === 'uploads.chunk') {
      if (args.offset === failAt) throw new Error('the server went away')
      received.push({ offset: args.offset!, bytes: Buffer.from(args.data!, 'base64').length })
      return { received: 0 }
    }
    if (name === 'uploads.finish') return { path: '/projects/p/uploads/u1/big.csv' }
    return { aborted: true }
  })
  return { api: { transport: 'websocket', call, on: vi.fn() } as unknown as ApiClient, call, received }
}

describe('uploading a file from the browser', () => {
  it('sends it in order, chunk by chunk, and answers its path on the server', async () => {
    const size = 2 * UPLOAD_CHUNK_BYTES + 10
    const file = new File([new Uint8Array(size).fill(65)], 'big.csv')
    const { api, received } = fakeApi()
    const progress: number[] = []
    const path = await uploadFile(api, 'p', file, (fraction) => progress.push(fraction))
    expect(path).toBe('/projects/p/uploads/u1/big.csv')
    expect(received).toEqual([
      { offset: 0, bytes: UPLOAD_CHUNK_BYTES },
      { offset: UPLOAD_CHUNK_BYTES, bytes: UPLOAD_CHUNK_BYTES },
      { offset: 2 * UPLOAD_CHUNK_BYTES, bytes: 10 },
    ])
    expect(progress.at(-1)).toBe(1)
  })

  it('abandons the upload when a chunk fails, and reports the failure', async () => {
    const { api, call } = fakeApi(UPLOAD_CHUNK_BYTES)
    const file = new File([new Uint8Array(UPLOAD_CHUNK_BYTES + 1)], 'x.csv')
    await expect(uploadFile(api, 'p', file, () => undefined)).rejects.toThrow('the server went away')
    expect(call).toHaveBeenLastCalledWith('uploads.abort', { uploadId: 'u1' })
  })

  it('encodes bytes as base64 exactly', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
