import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  savePanelModel,
  type PanelModelInfo,
} from '../../../../electron/services/models/panel/panel-model-folder'
import { panelSource, PERIOD, type PanelCase } from './panel-fixtures'

/** Panel model folders on disk (random weights, as training writes them), for the export tests. */

export const CASE: PanelCase = { cells: ['lstm'], scaling: 'mean', members: 2, deseasonalise: true, seed: 21 }

/** A fresh folder under the worktree's tmp/, so exported scripts resolve onnxruntime-web from its node_modules. */
export async function exportRoot(prefix: string): Promise<{ root: string; remove: () => Promise<void> }> {
  const tmp = resolve(__dirname, '../../../../tmp')
  await mkdir(tmp, { recursive: true })
  const root = await mkdtemp(join(tmp, prefix))
  return { root, remove: () => rm(root, { recursive: true, force: true }) }
}

export async function panelFolder(
  root: string,
  name: string,
  changes: Partial<PanelModelInfo> = {},
  /** The network saved (its input size must be the one `changes.inputs` gives). */
  c: PanelCase = CASE,
): Promise<string> {
  const source = panelSource(c)
  const info: PanelModelInfo = {
    format: 'lstm-studio-panel-model',
    version: 1,
    config: {
      ...source.config,
      windowsPerEpoch: 100,
      epochs: 1,
      patience: 1,
      batchSize: 8,
      lr: 0.01,
      loss: 'mse',
      ensemble: source.members,
      seed: 1,
    },
    keyNames: ['id'],
    target: 'sales',
    period: PERIOD,
    season: PERIOD,
    frequency: null,
    members: source.members,
    networkWeight: 1,
    intervals: source.intervals,
    summary: { seriesTrained: 5 },
    ...changes,
  }
  const dir = join(root, name)
  await savePanelModel(dir, { info, params: source.params })
  return dir
}
