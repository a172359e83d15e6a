import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { nativeModel, seriesValues } from '../export/export-folders'
import { createTestServices } from '../helpers/test-services'
import { makeStore } from '../projects/helpers'

const app = createTestServices('lstm-models-export-')
const MODEL_ID = 'model-a'
let project: ProjectView

/** A project holding one saved model, made with the store and opened through the API. */
beforeAll(async () => {
  const { store } = makeStore(path.join(app.root, 'maker'))
  const session = await store.create({ name: 'Exports', parentDir: path.join(app.root, 'projects') })
  await nativeModel(path.join(session.path, 'models', MODEL_ID), seriesValues(3), {}, 1)
  await session.addModel({ id: MODEL_ID, name: 'A', runId: null, spec: {}, metrics: {} })
  await session.close()
  const reply = await app.dispatch('projects.open', { path: session.path }, { transport: 'websocket' })
  if (!reply.ok) throw new Error(reply.error.message)
  project = reply.result as ProjectView
})

afterAll(() => app.dispose())

const exportTo = (outDir: string, overwrite?: boolean) =>
  app.dispatch(
    'models.export',
    {
      projectId: project.projectId,
      modelId: MODEL_ID,
      format: 'onnx',
      outDir,
      ...(overwrite ? { overwrite } : {}),
    },
    { transport: 'websocket' },
  )

describe('models.export into a folder that already holds files', () => {
  it('is refused with a message naming the folder, and writes nothing', async () => {
    const folder = path.join(app.root, 'busy')
    await mkdir(folder)
    await writeFile(path.join(folder, 'README.md'), 'my own notes')
    const reply = await exportTo(folder)
    expect(reply).toMatchObject({ ok: false, error: { code: 'EXPORT_FOLDER_NOT_EMPTY' } })
    if (!reply.ok) expect(reply.error.message).toContain(folder)
    expect(await readdir(folder)).toEqual(['README.md'])
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe('my own notes')
  })

  it('writes over it when the request says overwrite: true', async () => {
    const folder = path.join(app.root, 'confirmed')
    await mkdir(folder)
    await writeFile(path.join(folder, 'README.md'), 'old card')
    const reply = await exportTo(folder, true)
    expect(reply).toMatchObject({
      ok: true,
      result: { files: ['preprocessing.json', 'model.onnx', 'README.md'] },
    })
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toMatch(/ONNX export/)
  })

  it('needs no confirmation for a new or empty folder', async () => {
    const empty = path.join(app.root, 'empty')
    await mkdir(empty)
    expect(await exportTo(empty)).toMatchObject({ ok: true })
    expect(await exportTo(path.join(app.root, 'new', 'nested'))).toMatchObject({ ok: true })
  })
})
