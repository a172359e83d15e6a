import { join } from 'node:path'
import {
  describePanelPreprocessing,
  exportPanelOnnx,
  exportPanelTfjs,
  panelTfjsMembersSideBySide,
  TFJS_WEIGHTS_FILE,
  type PanelExportPreprocessing,
  type PanelExportSource,
} from '../../../../worker/export/index'
import { savePanelModel, type PanelModel } from '../../models/panel/panel-model-folder'
import { writeFileAtomic } from '../../storage/index'
import { json, prepareDirectory, PREPROCESSING_FILE, type Payload } from '../export-directory'
import type { ExportFormat } from '../export-format'
import type { ExportFolderOptions, ExportResult } from '../export-model'
import { panelJsScript, panelPythonScript } from './panel-card-snippets'
import { panelModelCard } from './panel-model-card'
import { readPanelExportSource } from './panel-export-source'

/**
 * A panel model's export folder: the graph (ONNX: raw window in, forecast out; TF.js: scaled window
 * in), preprocessing.json with what lives beside it, the runnable scripts the card shows, and the
 * card last. The native format re-writes panel-model.json and weights.bin through their saver.
 */

/** The description of what lives beside this format's graph. */
function describeFor(format: ExportFormat, source: PanelExportSource): PanelExportPreprocessing {
  return describePanelPreprocessing(source, {
    scalingInGraph: format === 'onnx',
    membersSideBySide: format === 'tfjs' && panelTfjsMembersSideBySide(source),
  })
}

function graphFiles(format: 'onnx' | 'tfjs', source: PanelExportSource, appVersion: string): Payload {
  const options = { appVersion }
  const beside = [
    { name: PREPROCESSING_FILE, data: json(describeFor(format, source)) },
    { name: 'forecast.mjs', data: panelJsScript(format) },
  ]
  if (format === 'onnx')
    return [
      ...beside,
      { name: 'forecast.py', data: panelPythonScript() },
      { name: 'model.onnx', data: exportPanelOnnx(source, options) },
    ]
  const { modelJson, weightData } = exportPanelTfjs(source, options)
  // Shard before model.json: a folder with a model.json always has its weights complete.
  return [
    ...beside,
    { name: TFJS_WEIGHTS_FILE, data: weightData },
    { name: 'model.json', data: json(modelJson) },
  ]
}

async function writeFiles(model: PanelModel, payload: Payload | null, directory: string): Promise<string[]> {
  if (payload === null) {
    await savePanelModel(directory, model)
    return ['weights.bin', 'panel-model.json']
  }
  for (const file of payload) await writeFileAtomic(join(directory, file.name), file.data)
  return payload.map((file) => file.name)
}

/** Exports the panel model in `modelDirectory`; the same checks and folder rules as single-series exports. */
export async function exportPanelModelFolder(
  modelDirectory: string,
  format: ExportFormat,
  directory: string,
  options: ExportFolderOptions,
): Promise<ExportResult> {
  const { model, source } = await readPanelExportSource(modelDirectory)
  // Built in memory first: a refused model leaves no folder behind.
  const payload = format === 'native' ? null : graphFiles(format, source, options.appVersion)
  await prepareDirectory(directory, modelDirectory, options.overwrite === true)
  const files = [...(await writeFiles(model, payload, directory)), 'README.md']
  const card = panelModelCard({
    format,
    preprocessing: describeFor(format, source),
    files,
    appVersion: options.appVersion,
    exportedAt: options.exportedAt ?? new Date(),
    summary: model.info.summary,
  })
  await writeFileAtomic(join(directory, 'README.md'), card)
  return { format, directory, files }
}
