import type { PanelExportSource } from '../../../../worker/export/index'
import { panelSpec } from '../../../../worker/panel/global-model'
import { checkCombination } from '../../../../worker/pipeline/combination'
import {
  loadPanelModel,
  PANEL_MODEL_FILE,
  savedCombination,
  type PanelModel,
} from '../../models/panel/panel-model-folder'
import { CodedError } from '../../storage/index'

/**
 * A panel model folder read for export: loadPanelModel's own checks (format, weights' size), and
 * every field the exporters and the model card read, each refused by name when missing or wrong —
 * a damaged panel-model.json gives MODEL_CORRUPT naming the field, never a crash or a bad graph.
 */

function corrupt(dir: string, problem: string): CodedError<'MODEL_CORRUPT'> {
  return new CodedError('MODEL_CORRUPT', `${dir}/${PANEL_MODEL_FILE} is damaged: ${problem}`)
}

const isCount = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min

function checkInfo(dir: string, model: PanelModel): void {
  const { info } = model
  const config = info.config as Partial<PanelModel['info']['config']> | undefined
  if (!config || typeof config !== 'object') throw corrupt(dir, 'it has no config')
  for (const [name, min] of [
    ['lookback', 1],
    ['horizon', 1],
    ['minObserved', 1],
  ] as const)
    if (!isCount(config[name], min)) throw corrupt(dir, `config.${name} must be a whole number ≥ ${min}`)
  if (!Array.isArray(config.layers) || config.layers.length === 0)
    throw corrupt(dir, 'config.layers is empty')
  if (config.scaling !== 'mean' && config.scaling !== 'log')
    throw corrupt(dir, `config.scaling must be "mean" or "log", not ${JSON.stringify(config.scaling)}`)
  if (typeof config.deseasonalise !== 'boolean')
    throw corrupt(dir, 'config.deseasonalise must be true or false')
  if (!isCount(info.period, 1)) throw corrupt(dir, 'period must be a whole number ≥ 1')
  if (!isCount(info.members, 1)) throw corrupt(dir, 'members must be a whole number ≥ 1')
  try {
    checkCombination(savedCombination(info))
  } catch (error) {
    throw corrupt(dir, (error as Error).message)
  }
  const intervals = info.intervals as Partial<PanelModel['info']['intervals']> | undefined
  if (!intervals || !Array.isArray(intervals.levels) || typeof intervals.halfWidths !== 'object')
    throw corrupt(dir, 'intervals must list levels and half-widths')
  for (const level of intervals.levels) {
    const widths = intervals.halfWidths?.[level]
    if (!Array.isArray(widths) || widths.length !== config.horizon)
      throw corrupt(dir, `intervals.halfWidths[${level}] must hold ${config.horizon} values`)
  }
  if (!Array.isArray(info.keyNames)) throw corrupt(dir, 'keyNames must be a list')
  if (typeof info.target !== 'string') throw corrupt(dir, 'target must be a column name')
}

/** Reads a panel model folder for export; MODEL_NOT_PANEL / MODEL_CORRUPT name what is wrong. */
export async function readPanelExportSource(
  dir: string,
): Promise<{ model: PanelModel; source: PanelExportSource }> {
  let model: PanelModel
  try {
    model = await loadPanelModel(dir)
  } catch (error) {
    if (error instanceof SyntaxError) throw corrupt(dir, `it is not valid JSON (${error.message})`)
    // A config too broken to give a network shape fails in panelSpec / paramCount.
    if (error instanceof TypeError || error instanceof RangeError) throw corrupt(dir, error.message)
    throw error
  }
  checkInfo(dir, model)
  const { info, params } = model
  return {
    model,
    source: {
      config: info.config,
      spec: panelSpec(info.config, info.inputs),
      params,
      inputs: info.inputs ?? null,
      members: info.members,
      period: info.period,
      combination: savedCombination(info),
      etsVariant: info.etsVariant ?? 'full',
      intervals: info.intervals,
      keyNames: info.keyNames,
      target: info.target,
      frequency: info.frequency ?? null,
    },
  }
}
