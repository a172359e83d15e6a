import path from 'node:path'
import type { ImportResult } from '../../api/requests/data'
import { defaultColumnRoles, importCsv } from '../data'
import type { CsvImportOptions, ImportControl } from '../data'
import { importDataset } from '../projects'
import type { ProjectSession } from '../projects'
import { toColumnar } from './columnar'

/**
 * Parses the user's file, then copies it and its parsed cache into the project and records
 * it. Parsing happens before anything is written, so a refused or cancelled file leaves the
 * project exactly as it was.
 */
export async function importIntoProject(
  session: ProjectSession,
  sourcePath: string,
  options: CsvImportOptions,
  control: ImportControl,
  name?: string,
): Promise<ImportResult> {
  await session.assertWritable()
  const outcome = await importCsv(sourcePath, options, control)
  if (outcome.status !== 'ok') {
    return {
      status: 'needsDecision',
      decisions: outcome.decisions.map((decision) => ({ kind: decision.kind, message: decision.message })),
    }
  }
  const dataset = outcome.dataset
  const record = await importDataset(session, {
    sourcePath,
    name: name ?? path.parse(sourcePath).name,
    importOptions: { ...options },
    detectedFormat: { ...dataset.detected },
    columnRoles: defaultColumnRoles(dataset.columns),
    table: toColumnar(dataset),
  })
  return {
    status: 'ok',
    dataset: record,
    summary: {
      rowCount: dataset.rowCount,
      frequency: dataset.detected.frequency?.frequency ?? null,
      irregular: dataset.detected.frequency?.irregular ?? false,
      missing: dataset.missing,
      warnings: dataset.warnings.map(({ code, message }) => ({ code, message })),
    },
  }
}
