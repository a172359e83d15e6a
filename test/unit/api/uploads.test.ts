import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CsvPreview } from '../../../electron/api/requests/data'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { createTestServices } from '../helpers/test-services'

const app = createTestServices('lstm-uploads-')
afterAll(() => app.dispose())

async function call<T>(name: string, args: unknown): Promise<T> {
  const reply = await app.dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code })
  return reply.result as T
}

const csv = 'month,value\n2020-01,1.5\n2020-02,2.5\n2020-03,3.5\n2020-04,4.5\n'

describe('uploads from the browser', () => {
  it('arrive chunk by chunk into the project, and the importer reads them like a typed path', async () => {
    const project = await call<ProjectView>('projects.create', { name: 'Uploads' })
    const bytes = Buffer.from(csv)
    const { uploadId } = await call<{ uploadId: string }>('uploads.begin', {
      projectId: project.projectId,
      fileName: 'sales.csv',
      size: bytes.length,
    })
    await call('uploads.chunk', { uploadId, offset: 0, data: bytes.subarray(0, 10).toString('base64') })
    await call('uploads.chunk', { uploadId, offset: 10, data: bytes.subarray(10).toString('base64') })
    const { path: uploaded } = await call<{ path: string }>('uploads.finish', { uploadId })
    expect(uploaded.startsWith(path.join(project.path, 'uploads'))).toBe(true)
    expect(path.basename(uploaded)).toBe('sales.csv')
    expect(readFileSync(uploaded, 'utf8')).toBe(csv)
    const preview = await call<CsvPreview>('data.inspect', { path: uploaded })
    expect(preview.columns.map((c) => c.name)).toEqual(['month', 'value'])
  })

  it('refuse chunks out of order, bytes beyond the announced size and an early finish', async () => {
    const project = await call<ProjectView>('projects.create', { name: 'Careful uploads' })
    const begin = () =>
      call<{ uploadId: string }>('uploads.begin', {
        projectId: project.projectId,
        fileName: 'x.csv',
        size: 4,
      })
    const first = await begin()
    await expect(
      call('uploads.chunk', { uploadId: first.uploadId, offset: 2, data: 'AAAA' }),
    ).rejects.toMatchObject({ code: 'UPLOAD_OUT_OF_ORDER' })
    await expect(call('uploads.finish', first)).rejects.toMatchObject({ code: 'UPLOAD_INCOMPLETE' })

    const second = await begin()
    await expect(
      call('uploads.chunk', {
        uploadId: second.uploadId,
        offset: 0,
        data: Buffer.alloc(5).toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'UPLOAD_TOO_LARGE' })
    // An abandoned upload leaves nothing behind.
    await expect(call('uploads.finish', second)).rejects.toMatchObject({ code: 'UPLOAD_NOT_FOUND' })
    expect(existsSync(path.join(project.path, 'uploads', second.uploadId))).toBe(false)
  })
})

describe('paths as people paste them', () => {
  it('accepts quotes around a path and ~ for the home folder', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'lstm-home-'))
    const previousHome = process.env.HOME
    process.env.HOME = home
    try {
      writeFileSync(path.join(home, 'sales.csv'), csv)
      const quoted = await call<CsvPreview>('data.inspect', { path: `"${path.join(home, 'sales.csv')}"` })
      expect(quoted.fileName).toBe('sales.csv')
      const tilde = await call<CsvPreview>('data.inspect', { path: "'~/sales.csv'" })
      expect(tilde.columns.map((c) => c.name)).toEqual(['month', 'value'])
      await expect(call('data.inspect', { path: 'sales.csv' })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENTS',
      })
      // Said in words with a code the screens translate, never as ENOENT or EISDIR.
      await expect(call('data.inspect', { path: '~/missing.csv' })).rejects.toMatchObject({
        code: 'FILE_NOT_FOUND',
      })
      await expect(call('data.inspect', { path: home })).rejects.toMatchObject({ code: 'NOT_A_FILE' })
    } finally {
      process.env.HOME = previousHome
      rmSync(home, { recursive: true, force: true })
    }
  })
})
