import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requests } from '../../../electron/api/contract'
import type { RequestArgs, RequestName } from '../../../electron/api/contract'
import { createDispatcher } from '../../../electron/api/dispatch'
import type { Dispatcher } from '../../../electron/api/dispatch'
import type { Reply } from '../../../electron/api/envelope'
import { createServices } from '../../../electron/services'
import type { Services } from '../../../electron/services'
import { testWorkerFiles } from '../helpers/test-workers'

// Everything the fuzzer may touch lives in `sandbox`, and `sandbox` is the only entry of `outer`:
// a path that escapes one level (`sandbox/..`) lands in `outer`, where it is seen afterwards.
// The working directory is an empty folder of the sandbox, so a relative path that slipped through
// would write there.
const outer = mkdtempSync(path.join(os.tmpdir(), 'lstm-api-fuzz-'))
const sandbox = path.join(outer, 'sandbox')
const cwd = path.join(sandbox, 'cwd')
const outside = path.join(sandbox, 'outside')
const TSX_LOADER = path.resolve(__dirname, '../../../node_modules/tsx/dist/loader.mjs')
const previousCwd = process.cwd()
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

let services: Services
let dispatch: Dispatcher
let projectId = 'no-such-project'
let projectPath = path.join(sandbox, 'projects', 'missing')
let datasetId = 'no-such-dataset'

const RUNS_PER_REQUEST = 24
/** A hang detector, not a timing assertion: one call taking this long is a bug whatever the machine. */
const PER_CALL_LIMIT_MS = 20_000

beforeAll(async () => {
  mkdirSync(cwd, { recursive: true })
  mkdirSync(outside, { recursive: true })
  writeFileSync(path.join(outside, 'secret.csv'), 'date,value\n2020-01-01,1\n2020-01-02,2\n')
  process.chdir(cwd)
  services = createServices({
    identity: { name: 'LSTM Studio', version: '0.0.0-test', electronVersion: null },
    samplesDir: path.resolve(__dirname, '../../../resources/samples'),
    settingsDir: path.join(sandbox, 'settings'),
    defaultProjectsFolder: path.join(sandbox, 'projects'),
    // tsx by absolute path: the working directory is the sandbox, where a bare `tsx` does not resolve.
    workers: { ...testWorkerFiles, execArgv: ['--import', pathToFileURL(TSX_LOADER).href] },
  })
  dispatch = createDispatcher(services.handlers)
  const sample = await dispatch('projects.openSample', {}, { transport: 'ipc' })
  if (!sample.ok) throw new Error(sample.error.message)
  const view = sample.result as { projectId: string; path: string; manifest: { datasets: { id: string }[] } }
  projectId = view.projectId
  projectPath = view.path
  datasetId = view.manifest.datasets[0]?.id ?? datasetId
  // A link from inside the project to a folder outside it.
  symlinkSync(outside, path.join(projectPath, 'data', 'escape'))
})

afterAll(async () => {
  process.chdir(previousCwd)
  await services?.dispose()
  rmSync(outer, { recursive: true, force: true })
})

/** One valid call of every request; the compiler insists that none is missing. */
function templates(): { [N in RequestName]: RequestArgs<N> } {
  const config = {
    layers: [{ cell: 'lstm' as const, units: 2 }],
    lookback: 4,
    horizon: 1,
    batchSize: 32,
    epochs: 1,
    optimizer: { lr: 0.01 },
    backend: 'reference' as const,
  }
  return {
    'app.info': {},
    'app.echo': { message: 'hello' },
    'training.start': { source: { projectId, datasetId, targets: ['value'] }, config },
    'training.autoPlan': { projectId, datasetId, targets: ['value'] },
    'training.pause': { jobId: 'job-1' },
    'training.resume': { jobId: 'job-1' },
    'training.stop': { jobId: 'job-1' },
    'training.cancel': { jobId: 'job-1' },
    'training.status': { jobId: 'job-1' },
    'training.list': {},
    'training.history': { jobId: 'job-1' },
    'projects.recent': {},
    'projects.defaultFolder': {},
    'projects.create': { name: 'Fuzzed', parentDir: path.join(sandbox, 'created') },
    'projects.open': { path: projectPath },
    'projects.openSample': {},
    'projects.get': { projectId },
    'projects.rename': { projectId, name: 'Renamed' },
    'projects.duplicate': { projectId },
    'projects.delete': { path: path.join(sandbox, 'projects', 'nothing-here'), confirmName: 'nothing-here' },
    'projects.close': { projectId: 'not-open' },
    'data.inspect': { path: path.join(outside, 'secret.csv') },
    'data.import': { projectId, path: path.join(outside, 'secret.csv') },
    'data.cancelImport': { importId: 'import-1' },
    'data.series': { projectId, datasetId },
    'data.setRoles': { projectId, datasetId, roles: { value: 'target' } },
    'datasets.rename': { projectId, datasetId, name: 'Renamed' },
    'datasets.delete': { projectId, datasetId: 'dataset-1', confirmName: 'nothing' },
    'models.rename': { projectId, modelId: 'model-1', name: 'Renamed' },
    'models.delete': { projectId, modelId: 'model-1', confirmName: 'nothing' },
    'runs.delete': { projectId, runId: 'run-1' },
    'runs.lossHistory': { projectId, runId: 'run-1' },
    'uploads.begin': { projectId, fileName: 'fuzzed.csv', size: 4 },
    'uploads.chunk': { uploadId: 'upload-1', offset: 0, data: 'AAAA' },
    'uploads.finish': { uploadId: 'upload-1' },
    'uploads.abort': { uploadId: 'upload-1' },
    'panel.inspect': { path: path.join(outside, 'secret.csv'), ids: ['id'] },
    'panel.detect': { path: path.join(outside, 'secret.csv') },
    'panel.import': { projectId, path: path.join(outside, 'secret.csv'), form: 'long', ids: ['id'] },
    // The sample's dataset holds one series: a training call is refused before any network trains.
    'panel.train': { projectId, datasetId, horizon: 2, settings: { epochs: 1, backtestOrigins: 1 } },
    'panel.results': { projectId, modelId: 'model-1' },
    'panel.series': { projectId, modelId: 'model-1', index: 0 },
    'panel.exportForecast': { projectId, modelId: 'model-1', shape: 'long' },
    'models.evaluation': { projectId, modelId: 'model-1' },
    'models.forecast': { projectId, modelId: 'model-1' },
    'models.export': {
      projectId,
      modelId: 'model-1',
      format: 'native',
      outDir: path.join(sandbox, 'exports'),
    },
    'forecasts.exportCsv': { projectId, forecastId: 'forecast-1' },
    'downloads.zipExport': { projectId, folder: 'AirPassengers-onnx-2026-12-06' },
    'downloads.chunk': { projectId, fileName: 'AirPassengers-onnx-2026-12-06.zip', offset: 0 },
    'inside.trace': { projectId, modelId: 'model-1' },
    'inside.compare': { projectId, modelId: 'model-1' },
    // Over the socket the pickers are refused: the fuzz must never open a dialog.
    'dialogs.pick': { kind: 'csvFile' },
  }
}

/** Requests that would leave the sandbox's projects, or close the fixture, are kept away from it. */
const NEVER_ON_FIXTURE: ReadonlySet<string> = new Set(['projects.delete', 'projects.close'])

const hostilePaths = (): string[] => [
  '..',
  '../..',
  'relative/folder',
  './here',
  path.join(sandbox, 'created', '..', '..', 'escaped-one-level'),
  `${sandbox}/created/../../escaped-raw`,
  path.join(projectPath, 'data', 'escape'),
  path.join(projectPath, 'data', 'escape', 'secret.csv'),
  path.join(projectPath, 'project.json'),
  path.join(sandbox, 'created', 'CON'),
  path.join(sandbox, 'created', 'NUL'),
  path.join(sandbox, 'created', 'COM1'),
  path.join(sandbox, 'created', 'LPT9.txt'),
  path.join(sandbox, 'created', 'aux.csv'),
  'C:\\Windows\\System32',
  '\\\\server\\share\\x',
  `${sandbox}/created/with\0nul`,
  `${sandbox}/created/${'deep/'.repeat(300)}x`,
  `${sandbox}/created/${'n'.repeat(300)}`,
  '/dev/null',
  '/dev/zero',
  '/proc/self/mem',
  'file:///etc/passwd',
]

const hostileNames = [
  'CON',
  'nul',
  'COM1',
  'LPT1.csv',
  '..',
  '.',
  ' ',
  '\u202e',
  '../evil',
  'a/b',
  'x'.repeat(121),
  '\0',
  '__proto__',
  'constructor',
  'prototype',
]

function pollutingObjects(): unknown[] {
  return [
    JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    JSON.parse('{"__proto__": "target", "constructor": "target", "prototype": "ignored"}'),
    Object.create(null),
    { toString: 'not a function', valueOf: 42 },
  ]
}

function hostileValues(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      NaN,
      Infinity,
      -Infinity,
      -1,
      -0,
      0,
      1e9,
      -1e9,
      2 ** 53,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      0.5,
      '',
      null,
      undefined,
      true,
      [],
      {},
      'x'.repeat(200_000),
      Array.from({ length: 100_000 }, (_, i) => i),
      Array.from({ length: 5_000 }, () => ({ cell: 'lstm', units: 1024 })),
      BigInt(1),
      Symbol('s'),
      () => 1,
      new Date(NaN),
      new Uint8Array(16),
    ),
    fc.constantFrom(...hostilePaths()),
    fc.constantFrom(...hostileNames),
    fc.constantFrom(...pollutingObjects()),
    fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
    fc.string({ unit: 'binary', maxLength: 64 }),
  )
}

type Json = Record<string, unknown>

/** Paths to every value of a template (objects and arrays), including the root. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix]
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => pathsOf(item, [...prefix, i])))
  if (value !== null && typeof value === 'object')
    return here.concat(...Object.entries(value).map(([key, item]) => pathsOf(item, [...prefix, key])))
  return here
}

type Mutation =
  | { kind: 'replace'; at: Array<string | number>; value: unknown }
  | { kind: 'delete'; at: Array<string | number> }
  | { kind: 'extra'; at: Array<string | number>; key: string; value: unknown }

/** Applies one mutation in place; a path that an earlier mutation removed is left alone. */
function apply(target: { root: unknown }, mutation: Mutation): void {
  const at = ['root', ...mutation.at]
  const parentPath = mutation.kind === 'extra' ? at : at.slice(0, -1)
  let parent: unknown = target
  for (const key of parentPath) {
    if (parent === null || typeof parent !== 'object') return
    parent = (parent as Json)[key as string]
  }
  if (parent === null || typeof parent !== 'object' || Object.isFrozen(parent)) return
  const record = parent as Json
  const last = at[at.length - 1] as string
  if (mutation.kind === 'replace') record[last] = mutation.value
  else if (mutation.kind === 'delete') delete record[last]
  // defineProperty makes an own `__proto__` key, as JSON.parse does for a hostile client.
  else
    Object.defineProperty(record, mutation.key, { value: mutation.value, enumerable: true, writable: true })
}

function argumentsFor(name: RequestName): fc.Arbitrary<unknown> {
  const template = templates()[name]
  const paths = pathsOf(template)
  const inner = paths.filter((p) => p.length > 0)
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant('replace' as const),
      at: fc.constantFrom(...paths),
      value: hostileValues(),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.constantFrom(...(inner.length ? inner : [['x']])),
    }),
    fc.record({
      kind: fc.constant('extra' as const),
      at: fc.constantFrom(...paths),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', ''),
      value: hostileValues(),
    }),
  )
  return fc
    .oneof(
      { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ({ ms })), weight: 4 },
      { arbitrary: fc.constant({ ms: [] as Mutation[] }), weight: 1 },
      { arbitrary: fc.anything({ maxDepth: 2 }).map((raw) => ({ raw })), weight: 1 },
    )
    .map((choice) => {
      if ('raw' in choice) return choice.raw
      const target = { root: structuredClone(template) as unknown }
      for (const m of choice.ms) apply(target, m)
      return target.root
    })
}

function isEnvelope(reply: Reply): boolean {
  if (reply === null || typeof reply !== 'object') return false
  if (reply.ok === true) return 'result' in reply
  return (
    reply.ok === false &&
    typeof reply.error?.code === 'string' &&
    reply.error.code.length > 0 &&
    typeof reply.error.message === 'string'
  )
}

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype.toString.call([])).toBe('[object Array]')
}

async function echoStillWorks(): Promise<void> {
  const reply = await dispatch('app.echo', { message: 'still here' }, { transport: 'websocket' })
  expect(reply).toMatchObject({ ok: true, result: { message: 'still here' } })
}

/** Everything below `dir`, as paths relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name)
    return entry.isDirectory() && !entry.isSymbolicLink()
      ? [relative, ...walk(path.join(dir, entry.name), relative)]
      : [relative]
  })
}

describe('the API boundary under random and adversarial arguments', () => {
  const names = Object.keys(requests) as RequestName[]
  const codes = new Map<string, number>()

  it('has a template for every request of the contract', () => {
    expect(Object.keys(templates()).sort()).toEqual([...names].sort())
  })

  it.each(names)('%s: always a typed envelope, never a throw', async (name) => {
    await fc.assert(
      fc.asyncProperty(argumentsFor(name), async (args) => {
        if (NEVER_ON_FIXTURE.has(name) && JSON.stringify(args ?? null).includes(projectId)) return
        const reply = await dispatch(name, args, { transport: 'websocket' })
        expect(isEnvelope(reply)).toBe(true)
        if (!reply.ok) {
          codes.set(reply.error.code, (codes.get(reply.error.code) ?? 0) + 1)
          // Internal faults are bugs: a hostile argument must become a domain or validation error.
          // Checked per call, so this request's test fails and fast-check reports the arguments.
          expect(reply.error.code, `${name}: ${reply.error.message}`).not.toBe('INTERNAL')
        }
      }),
      { numRuns: RUNS_PER_REQUEST, timeout: PER_CALL_LIMIT_MS, seed: 20_240_601 + name.length },
    )
    expectNoPollution()
    await echoStillWorks()
  })

  it('refuses unknown names and non-object arguments with typed errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 2 }), fc.anything({ maxDepth: 2 }), async (name, args) => {
        const reply = await dispatch(name, args, { transport: 'ipc' })
        expect(isEnvelope(reply)).toBe(true)
        if (!reply.ok) expect(reply.error.code, reply.error.message).not.toBe('INTERNAL')
        if (typeof name !== 'string' || !(name in requests)) expect(reply).toMatchObject({ ok: false })
      }),
      { numRuns: 200, timeout: PER_CALL_LIMIT_MS },
    )
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.echo.x', '']) {
      const reply = await dispatch(name, {}, { transport: 'ipc' })
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } })
    }
    expectNoPollution()
    await echoStillWorks()
  })

  it('keeps serving and wrote nothing outside its sandbox', async () => {
    // Stop whatever training the fuzzer managed to start, and wait for it to settle.
    const list = await dispatch('training.list', {}, { transport: 'ipc' })
    expect(list.ok).toBe(true)
    const jobs = (list.ok ? list.result : []) as Array<{ jobId: string }>
    await Promise.all(jobs.map((job) => dispatch('training.cancel', job, { transport: 'ipc' })))
    await echoStillWorks()
    expectNoPollution()
    expect(readdirSync(outer)).toEqual(['sandbox'])
    expect(readdirSync(cwd)).toEqual([])
    // Whatever was created is under the folders the services were given, or the template's folders.
    const allowed = ['settings', 'projects', 'created', 'exports', 'outside', 'cwd']
    const strays = walk(sandbox).filter((entry) => !allowed.includes(entry.split(path.sep)[0]!))
    expect(strays).toEqual([])
    expect([...codes.keys()]).toContain('INVALID_ARGUMENTS')
  })
})
