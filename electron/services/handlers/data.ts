import { randomUUID } from 'node:crypto'
import type { Handlers } from '../../api/dispatch'
import type { EventBus } from '../event-bus'
import { inspectCsv } from '../data'
import { toSeries } from '../datasets/columnar'
import { importIntoProject } from '../datasets/import-into-project'
import { ImportRegistry } from '../datasets/import-registry'
import { toPreview } from '../datasets/preview'
import type { OpenProjects } from '../open-projects'
import { findDataset } from '../forecasting/dataset-series'
import { readColumnarCache } from '../projects'
import { CodedError } from '../storage'
import { readableFile } from './user-path'

type DataHandlers = Pick<
  Handlers,
  'data.inspect' | 'data.import' | 'data.cancelImport' | 'data.series' | 'data.setRoles'
>

/** `imports` is shared with panel.import, so data.cancelImport reaches a panel's import too. */
export function dataHandlers(
  open: OpenProjects,
  bus: EventBus,
  imports = new ImportRegistry(),
): DataHandlers {
  return {
    'data.inspect': async ({ path, options }) =>
      toPreview(await inspectCsv(await readableFile(path), options ?? {})),
    'data.import': async ({ projectId, path, options, importId = randomUUID(), name }) => {
      const session = open.get(projectId)
      const file = await readableFile(path)
      const signal = imports.begin(importId)
      try {
        const onProgress = (fraction: number, rows: number) =>
          bus.publish('data.importProgress', { importId, fraction, rows })
        return await importIntoProject(session, file, options ?? {}, { onProgress, signal }, name)
      } finally {
        imports.end(importId)
      }
    },
    'data.cancelImport': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'data.series': async ({ projectId, datasetId, maxPoints, start, end }) => {
      const session = open.get(projectId)
      const record = findDataset(session, datasetId)
      if (!record.cacheFile) {
        throw new CodedError(
          'CACHE_MISSING',
          `Dataset "${record.name}" has no parsed cache; import the file again`,
        )
      }
      const table = await readColumnarCache(await session.resolve(record.cacheFile))
      return toSeries(datasetId, table, record.columnRoles, { maxPoints, start, end })
    },
    'data.setRoles': async ({ projectId, datasetId, roles }) => {
      const session = open.get(projectId)
      const record = findDataset(session, datasetId)
      const unknown = Object.keys(roles).find((name) => !(name in record.columnRoles))
      if (unknown !== undefined) {
        throw Object.assign(
          new CodedError('INVALID_ARGUMENTS', `Dataset "${record.name}" has no column "${unknown}"`),
          {
            field: `roles.${unknown}`,
          },
        )
      }
      await session.updateDataset(datasetId, { columnRoles: { ...record.columnRoles, ...roles } })
      return findDataset(session, datasetId)
    },
  }
}
