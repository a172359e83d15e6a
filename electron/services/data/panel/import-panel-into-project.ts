import path from 'node:path'
import type { DatasetRecord } from '../../../api/records'
import { importDataset, type ProjectSession } from '../../projects'
import { CsvImportError } from '../csv-import-error'
import type { ImportControl } from '../types'
import { panelToColumnar } from './panel-columnar'
import { panelShape } from './panel-shape'
import type { PanelReadOptions } from './panel-types'
import { readPanelCsv } from './read-panel'

/**
 * Reads a CSV as a panel and stores it in the project: the verbatim copy, the series stacked in
 * the columnar cache (on their regular grid, so training never parses the file again) and a
 * dataset record that says it is a panel. Reading happens first, so a refused file leaves the
 * project as it was.
 */
export async function importPanelIntoProject(
  session: ProjectSession,
  sourcePath: string,
  options: PanelReadOptions,
  name?: string,
  control: ImportControl = {},
): Promise<{ dataset: DatasetRecord; warnings: string[] }> {
  await session.assertWritable()
  const panel = await readPanelCsv(sourcePath, options, control)
  if (panel.series.length === 0)
    throw new CsvImportError('BAD_OPTION', panel.fileName, 'holds no series (no data rows)')
  const dataset = await importDataset(session, {
    sourcePath,
    name: name ?? path.parse(sourcePath).name,
    importOptions: {},
    detectedFormat: { rowCount: panel.rowCount },
    columnRoles: {},
    table: panelToColumnar(
      panel.keyNames,
      panel.series,
      panel.staticAttributes,
      panel.covariates.map((c) => c.name),
    ),
    panel: panelShape(panel),
  })
  return { dataset, warnings: panel.warnings }
}
