import { z } from 'zod'
import type { DatasetRecord, RunRecord } from '../../api/records'
import type { ProjectManifestV2 } from './manifest-v2'

/**
 * project.json as LSTM Studio wrote it in format version 1: datasets were bare file names
 * inside data/, there were no forecasts, and only a creation time was kept.
 */
export const projectManifestV1Schema = z.object({
  formatVersion: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  datasets: z.array(z.string().min(1)),
  models: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      runId: z.string().min(1).nullable(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
  runs: z.array(
    z.object({
      id: z.string().min(1),
      status: z.enum(['running', 'done', 'failed']),
      config: z.record(z.string(), z.unknown()),
      startedAt: z.iso.datetime({ offset: true }).nullable(),
      endedAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
})

export type ProjectManifestV1 = z.infer<typeof projectManifestV1Schema>

const v1RunStatus: Record<ProjectManifestV1['runs'][number]['status'], RunRecord['status']> = {
  running: 'running',
  done: 'completed',
  failed: 'failed',
}

function stripExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? fileName.slice(0, dot) : fileName
}

/**
 * v1 knew nothing about import options or roles, so migrated datasets get empty ones and
 * no cache: the app re-detects the format and rebuilds the cache the first time they are used.
 * Ids are derived from the position so migrating the same file twice gives the same result.
 */
function migrateDataset(fileName: string, index: number, imported: string): DatasetRecord {
  return {
    id: `legacy-dataset-${index + 1}`,
    name: stripExtension(fileName),
    sourceFileName: fileName,
    storedFile: `data/${fileName}`,
    cacheFile: null,
    importOptions: {},
    detectedFormat: null,
    columnRoles: {},
    imported,
  }
}

export function migrateV1ToV2(v1: ProjectManifestV1): ProjectManifestV2 {
  return {
    formatVersion: 2,
    id: v1.id,
    name: v1.name,
    created: v1.createdAt,
    modified: v1.createdAt,
    datasets: v1.datasets.map((fileName, index) => migrateDataset(fileName, index, v1.createdAt)),
    models: v1.models.map((model) => ({
      id: model.id,
      name: model.name,
      runId: model.runId,
      created: model.createdAt,
      spec: {},
      metrics: {},
    })),
    runs: v1.runs.map((run) => ({
      id: run.id,
      status: v1RunStatus[run.status],
      config: run.config,
      started: run.startedAt,
      ended: run.endedAt,
    })),
    forecasts: [],
  }
}
