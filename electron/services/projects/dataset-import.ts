import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { copyFileAtomic } from '../storage/atomic-write'
import { writeColumnarCache } from './columnar-cache'
import type { ColumnarDataset } from './columnar-cache'
import type {
  ColumnRole,
  DatasetRecord,
  DetectedFormat,
  ImportOptions,
  PanelDatasetInfo,
} from '../../api/records'
import { DATA_DIR } from './project-layout'
import type { ProjectSession } from './project-session'

export interface DatasetImport {
  /** Absolute path of the file the user picked; it is copied, never moved or changed. */
  sourcePath: string
  name?: string
  importOptions: ImportOptions
  detectedFormat: DetectedFormat | null
  columnRoles: Record<string, ColumnRole>
  /** The parsed table; when given, the columnar cache is written too. */
  table?: ColumnarDataset
  /** A panel of many series: its shape (the table then holds them stacked, see panel-columnar.ts). */
  panel?: PanelDatasetInfo
}

/** Keeps the original extension (so the copy opens in a spreadsheet) but nothing else of the name. */
function storedExtension(sourcePath: string): string {
  const extension = path.extname(sourcePath).toLowerCase()
  return /^\.[a-z0-9]{1,8}$/.test(extension) ? extension : ''
}

/**
 * Copies the file into data/ verbatim, writes the parsed cache, then records the dataset.
 * If recording fails the copied files are removed again, leaving the project as it was.
 */
export async function importDataset(session: ProjectSession, request: DatasetImport): Promise<DatasetRecord> {
  await session.assertWritable()
  const id = randomUUID()
  const storedFile = `${DATA_DIR}/${id}${storedExtension(request.sourcePath)}`
  const cacheFile = request.table ? `${DATA_DIR}/${id}.cache` : null
  const written: string[] = []
  try {
    const storedPath = await session.resolve(storedFile)
    await copyFileAtomic(request.sourcePath, storedPath)
    written.push(storedPath)
    if (cacheFile && request.table) {
      const cachePath = await session.resolve(cacheFile)
      await writeColumnarCache(cachePath, request.table)
      written.push(cachePath)
    }
    const sourceFileName = path.basename(request.sourcePath)
    return await session.addDataset({
      id,
      name: request.name ?? path.parse(sourceFileName).name,
      sourceFileName,
      storedFile,
      cacheFile,
      importOptions: request.importOptions,
      detectedFormat: request.detectedFormat,
      columnRoles: request.columnRoles,
      ...(request.panel ? { panel: request.panel } : {}),
    })
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })))
    throw error
  }
}
