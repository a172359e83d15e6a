import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectDamagedError, ProjectTooNewError } from '../../../electron/services/projects/errors'
import { parseManifest } from '../../../electron/services/projects/manifest-io'
import { CURRENT_FORMAT_VERSION } from '../../../electron/api/records'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')
const file = '/p/project.json'

function parseError(text: string): Error {
  try {
    parseManifest(text, file)
  } catch (error) {
    return error as Error
  }
  throw new Error('expected parseManifest to fail')
}

describe('parseManifest', () => {
  it('reads a current-version file unchanged, panel datasets with their attributes and covariates included', () => {
    const text = fixture('project-v6.json')
    const { manifest, migratedFrom } = parseManifest(text, file)
    expect(migratedFrom).toBeNull()
    expect(manifest).toEqual(JSON.parse(text))
    expect(manifest.datasets.at(-1)?.panel).toMatchObject({
      form: 'long',
      seriesCount: 12,
      staticAttributes: [{ name: 'type', kind: 'categorical', categories: 5 }],
      covariates: [{ name: 'promo', ahead: 8 }],
    })
  })

  it('migrates a v5 file: its panels, imported before covariates were kept, have none', () => {
    const text = fixture('project-v5.json')
    const { manifest, migratedFrom } = parseManifest(text, file)
    expect(migratedFrom).toBe(5)
    const v5 = JSON.parse(text) as { datasets: { panel?: object }[] }
    expect(manifest).toEqual({
      ...v5,
      formatVersion: 6,
      datasets: v5.datasets.map((d) => (d.panel ? { ...d, panel: { ...d.panel, covariates: [] } } : d)),
    })
  })

  it('migrates a v4 file: its panels, imported before attributes were detected, have none', () => {
    const text = fixture('project-v4.json')
    const { manifest, migratedFrom } = parseManifest(text, file)
    expect(migratedFrom).toBe(4)
    const v4 = JSON.parse(text) as { datasets: { panel?: object }[] }
    expect(manifest).toEqual({
      ...v4,
      formatVersion: 6,
      datasets: v4.datasets.map((d) =>
        d.panel ? { ...d, panel: { ...d.panel, staticAttributes: [], covariates: [] } } : d,
      ),
    })
    expect(manifest.datasets[0].panel).toBeUndefined()
  })

  it('migrates a v3 file: its datasets are one-series datasets of the current format', () => {
    const text = fixture('project-v3.json')
    const { manifest, migratedFrom } = parseManifest(text, file)
    expect(migratedFrom).toBe(3)
    expect(manifest).toEqual({ ...JSON.parse(text), formatVersion: CURRENT_FORMAT_VERSION })
    expect(manifest.datasets.every((dataset) => dataset.panel === undefined)).toBe(true)
  })

  it('migrates a v1 file: bare dataset names become dataset records', () => {
    const { manifest, migratedFrom } = parseManifest(fixture('project-v1.json'), file)
    expect(migratedFrom).toBe(1)
    expect(manifest.formatVersion).toBe(CURRENT_FORMAT_VERSION)
    expect(manifest.created).toBe('2025-03-01T09:00:00.000Z')
    expect(manifest.modified).toBe(manifest.created)
    expect(manifest.datasets).toEqual([
      {
        id: 'legacy-dataset-1',
        name: 'sales 2024',
        sourceFileName: 'sales 2024.csv',
        storedFile: 'data/sales 2024.csv',
        cacheFile: null,
        importOptions: {},
        detectedFormat: null,
        columnRoles: {},
        imported: '2025-03-01T09:00:00.000Z',
      },
      expect.objectContaining({ id: 'legacy-dataset-2', name: 'weather', sourceFileName: 'weather.txt' }),
    ])
    expect(manifest.runs.map((run) => run.status)).toEqual(['completed', 'failed'])
    expect(manifest.runs[0]).toMatchObject({
      started: '2025-03-01T10:00:00.000Z',
      ended: '2025-03-01T10:05:00.000Z',
    })
    expect(manifest.models[0]).toEqual({
      id: 'm1',
      name: 'First model',
      runId: 'r1',
      created: '2025-03-01T10:05:00.000Z',
      spec: {},
      metrics: {},
    })
    expect(manifest.forecasts).toEqual([])
  })

  it('migrates a v2 file: a run takes a list of targets and split sizes in place of fractions', () => {
    const { manifest, migratedFrom } = parseManifest(fixture('project-v2.json'), file)
    const v2 = JSON.parse(fixture('project-v2.json'))
    expect(migratedFrom).toBe(2)
    expect(manifest.formatVersion).toBe(CURRENT_FORMAT_VERSION)
    expect(manifest.datasets).toEqual(v2.datasets)
    expect(manifest.models).toEqual(v2.models)
    // Settings that are not training.start arguments stay as they were.
    expect(manifest.runs[0]).toEqual(v2.runs[0])
    const { source, forecasting } = manifest.runs[1]!.config as Record<string, Record<string, unknown>>
    expect(source).toEqual({
      projectId: v2.id,
      datasetId: 'd1',
      targets: ['load_mw', 'temp_c'],
      covariates: [],
    })
    expect(forecasting).not.toHaveProperty('testFraction')
    // The size the run gave wins over its fraction; the other fraction becomes a size.
    expect(forecasting).toMatchObject({ validation: { count: 48 }, test: { percent: 15 } })
  })

  it('migrates runs that resume: the migrated settings are valid training.start arguments', () => {
    const { manifest } = parseManifest(fixture('project-v2.json'), file)
    const resumed = trainingStartArgsSchema.safeParse({
      ...manifest.runs[1]!.config,
      runId: 'run-lx2k3-42',
      resume: true,
    })
    expect(resumed.error).toBeUndefined()
    expect(resumed.data?.source.targets).toEqual(['load_mw', 'temp_c'])
  })

  it('migrates a v1 file through every later version', () => {
    const { manifest } = parseManifest(fixture('project-v1.json'), file)
    expect(manifest.formatVersion).toBe(CURRENT_FORMAT_VERSION)
    expect(manifest.runs[0]!.config).toEqual(JSON.parse(fixture('project-v1.json')).runs[0].config)
  })

  it('says which version is needed for a file from a newer app', () => {
    const error = parseError(JSON.stringify({ formatVersion: 7, id: 'x' }))
    expect(error).toBeInstanceOf(ProjectTooNewError)
    expect(error.message).toContain('made by a newer LSTM Studio')
    expect(error.message).toContain('version 7')
    expect(error.message).toContain(`reads up to version ${CURRENT_FORMAT_VERSION}`)
  })

  it('points at the line and column of a JSON syntax error', () => {
    const error = parseError('{\n  "formatVersion": 2,\n  "id": "x"\n  "name": "y"\n}')
    expect(error).toBeInstanceOf(ProjectDamagedError)
    expect((error as ProjectDamagedError).code).toBe('PROJECT_DAMAGED')
    expect(error.message).toMatch(/line 4, column 3/)
    expect(error.message).toContain(file)
  })

  it('reports a truncated file as damaged', () => {
    const text = fixture('project-v2.json')
    const error = parseError(text.slice(0, Math.floor(text.length / 2)))
    expect(error).toBeInstanceOf(ProjectDamagedError)
    expect(error.message).toContain('not valid JSON')
  })

  it('names the field that breaks the schema', () => {
    const value = JSON.parse(fixture('project-v2.json'))
    value.datasets[0].storedFile = 42
    const error = parseError(JSON.stringify(value))
    expect(error).toBeInstanceOf(ProjectDamagedError)
    expect(error.message).toContain('field "datasets[0].storedFile"')
  })

  it('names the field in an old-format file too', () => {
    const value = JSON.parse(fixture('project-v1.json'))
    delete value.createdAt
    expect(parseError(JSON.stringify(value)).message).toContain('field "createdAt"')
  })

  it.each([
    ['missing', {}],
    ['not a number', { formatVersion: '2' }],
    ['zero', { formatVersion: 0 }],
    ['not an object', []],
  ])('reports a %s formatVersion', (_label, value) => {
    expect(parseError(JSON.stringify(value)).message).toContain('"formatVersion"')
  })
})
