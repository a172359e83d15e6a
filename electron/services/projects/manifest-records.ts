import { assertSafeRelativePath } from '../storage/safe-path'
import { DuplicateRecordError, RecordNotFoundError } from './errors'
import type {
  DatasetRecord,
  ForecastRecord,
  ModelRecord,
  ProjectManifest,
  RunRecord,
} from '../../api/records'

/**
 * Pure edits of a manifest draft. They check what the schema alone cannot: unique ids,
 * references to existing records, and file paths that stay inside the project.
 */

function assertNewId(records: ReadonlyArray<{ id: string }>, kind: string, id: string): void {
  if (records.some((record) => record.id === id)) throw new DuplicateRecordError(kind, id)
}

function findOrThrow<T extends { id: string }>(records: T[], kind: string, id: string): T {
  const found = records.find((record) => record.id === id)
  if (!found) throw new RecordNotFoundError(kind, id)
  return found
}

export function addDatasetRecord(draft: ProjectManifest, record: DatasetRecord): void {
  assertNewId(draft.datasets, 'dataset', record.id)
  assertSafeRelativePath(record.storedFile)
  if (record.cacheFile !== null) assertSafeRelativePath(record.cacheFile)
  draft.datasets.push(record)
}

export function updateDatasetRecord(
  draft: ProjectManifest,
  id: string,
  patch: Partial<Omit<DatasetRecord, 'id'>>,
): void {
  const record = findOrThrow(draft.datasets, 'dataset', id)
  if (patch.storedFile !== undefined) assertSafeRelativePath(patch.storedFile)
  if (patch.cacheFile) assertSafeRelativePath(patch.cacheFile)
  Object.assign(record, patch)
}

export function addRunRecord(draft: ProjectManifest, record: RunRecord): void {
  assertNewId(draft.runs, 'run', record.id)
  draft.runs.push(record)
}

export function updateRunRecord(
  draft: ProjectManifest,
  id: string,
  patch: Partial<Omit<RunRecord, 'id'>>,
): void {
  Object.assign(findOrThrow(draft.runs, 'run', id), patch)
}

export function addModelRecord(draft: ProjectManifest, record: ModelRecord): void {
  assertNewId(draft.models, 'model', record.id)
  if (record.runId !== null) findOrThrow(draft.runs, 'run', record.runId)
  draft.models.push(record)
}

export function addForecastRecord(draft: ProjectManifest, record: ForecastRecord): void {
  assertNewId(draft.forecasts, 'forecast', record.id)
  findOrThrow(draft.models, 'model', record.modelId)
  assertSafeRelativePath(record.file)
  draft.forecasts.push(record)
}
