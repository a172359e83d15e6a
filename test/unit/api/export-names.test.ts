import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestArgs, RequestName, RequestResult } from '../../../electron/api/contract'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { localDate } from '../../../electron/services/exports/export-file-name'
import { nativeModel, seriesValues, writeSeriesCsv } from '../export/export-folders'
import { createTestServices } from '../helpers/test-services'
import { makeStore } from '../projects/helpers'

const app = createTestServices('lstm-export-names-')
const MODEL_ID = 'model-a'
const today = localDate(new Date())
let project: ProjectView

async function call<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResult<N>> {
  const reply = await app.dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

/** A project with the dataset "Shop: sales" (a name with a character no file system takes) and a model of it. */
beforeAll(async () => {
  project = await call('projects.create', { name: 'Exports', parentDir: path.join(app.root, 'projects') })
  const file = path.join(app.root, 'shop.csv')
  await writeSeriesCsv(file, seriesValues(3))
  const imported = await call('data.import', {
    projectId: project.projectId,
    path: file,
    name: 'Shop: sales',
  })
  if (imported.status !== 'ok') throw new Error('the CSV needs a decision')
  const folder = path.join(project.path, 'models', MODEL_ID)
  await nativeModel(folder, seriesValues(3), {}, 1)
  const trainingFile = path.join(folder, 'training.json')
  const training = JSON.parse(await readFile(trainingFile, 'utf8'))
  training.source = { datasetId: imported.dataset.id, covariates: [] }
  await writeFile(trainingFile, JSON.stringify(training))
  // A model record is made by training; here the store adds it while the project is closed.
  await call('projects.close', { projectId: project.projectId })
  const session = await makeStore(path.join(app.root, 'maker')).store.open(project.path, { access: 'write' })
  await session.addModel({ id: MODEL_ID, name: 'LSTM 4 · sales', runId: null, spec: {}, metrics: {} })
  await session.close()
  project = await call('projects.open', { path: project.path })
})

afterAll(() => app.dispose())

describe('exports are named for people', () => {
  it('a forecast CSV after its dataset and the day, with monthly dates and never over an earlier file', async () => {
    const forecast = await call('models.forecast', { projectId: project.projectId, modelId: MODEL_ID })
    expect(forecast.file).toBe(`forecasts/Shop_ sales-forecast-${today}.csv`)
    const again = await call('forecasts.exportCsv', {
      projectId: project.projectId,
      forecastId: forecast.forecastId,
      delimiter: ';',
      decimalSeparator: ',',
    })
    expect(path.basename(again.path)).toBe(`Shop_ sales-forecast-${today}-2.csv`)
    const [header, first] = again.csv.split('\n')
    expect(header).toBe('date;forecast;lower80;upper80;lower95;upper95')
    expect(first).toMatch(/^\d{4}-\d{2};/)
    // Six significant digits at most: no run of arithmetic noise after the comma.
    for (const cell of first!.split(';').slice(1))
      expect(cell.replace(/[-,]/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(6)
    expect(await readFile(path.join(project.path, forecast.file), 'utf8')).toMatch(/^date,forecast/)
  })

  it('a model export in exports/, which a browser downloads as one zip, chunk by chunk', async () => {
    const exported = await call('models.export', {
      projectId: project.projectId,
      modelId: MODEL_ID,
      format: 'native',
    })
    expect(exported.folder).toBe(`Shop_ sales-native-${today}`)
    const second = await call('models.export', {
      projectId: project.projectId,
      modelId: MODEL_ID,
      format: 'native',
    })
    expect(second.folder).toBe(`Shop_ sales-native-${today}-2`)
    const zipped = await call('downloads.zipExport', {
      projectId: project.projectId,
      folder: exported.folder!,
    })
    expect(zipped.fileName).toBe(`${exported.folder}.zip`)
    const chunk = await call('downloads.chunk', {
      projectId: project.projectId,
      fileName: zipped.fileName,
      offset: 0,
    })
    expect(chunk.size).toBe(zipped.size)
    const files = unzipSync(new Uint8Array(Buffer.from(chunk.data, 'base64')))
    expect(Object.keys(files).sort()).toEqual(
      exported.files.map((name) => `${exported.folder}/${name}`).sort(),
    )
    const card = await readFile(path.join(project.path, 'exports', exported.folder!, 'README.md'))
    expect(Buffer.from(files[`${exported.folder}/README.md`]!)).toEqual(card)
    expect(await readdir(path.join(project.path, 'exports'))).toContain(zipped.fileName)
  })

  it('refuses to read outside the exports folder, and says when an export is gone', async () => {
    const outside = await app.dispatch(
      'downloads.chunk',
      { projectId: project.projectId, fileName: '../project.json', offset: 0 },
      { transport: 'websocket' },
    )
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'fileName' } })
    const gone = await app.dispatch(
      'downloads.zipExport',
      { projectId: project.projectId, folder: 'nothing-here' },
      { transport: 'websocket' },
    )
    expect(gone).toMatchObject({ ok: false, error: { code: 'EXPORT_NOT_FOUND' } })
  })
})
