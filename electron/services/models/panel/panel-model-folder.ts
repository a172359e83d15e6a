import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { paramCount } from '../../../../worker/engine/index'
import { panelSpec } from '../../../../worker/panel/global-model'
import type { PanelInputEncoding } from '../../../../worker/panel/panel-features'
import type { PanelConfig } from '../../../../worker/panel/types'
import type { CombinationWeights } from '../../../../worker/pipeline/combination'
import type { EtsVariant } from '../../../../worker/panel/companion-forecasts'
import type { Frequency } from '../../../../worker/timeseries/frequency'
import { CodedError } from '../../storage/index'
import { writeFileAtomic, writeJsonAtomic } from '../../storage/index'

/**
 * A global panel model on disk: `panel-model.json` (what the network reads and how its windows
 * are scaled) and `weights.bin` (every ensemble member's float32 weights, little-endian, back to
 * back in the engine's layout). The scaling lives in the windows, so the model forecasts any
 * series, of the panel or new, with no per-series parameters to carry. A network with extra inputs
 * also carries their encoding (`inputs`: the attributes' categories or mean and sd, the calendar's
 * season), so a new series is encoded as the training ones were; files without it are plain networks.
 */

export const PANEL_MODEL_FILE = 'panel-model.json'
const WEIGHTS_FILE = 'weights.bin'
const FORMAT = 'lstm-studio-panel-model'

export interface PanelModelInfo {
  format: typeof FORMAT
  version: 1
  config: PanelConfig
  keyNames: string[]
  target: string
  period: number
  season: number
  frequency: Frequency | null
  members: number
  /** Share of the network in its combination (validation's choice; 1 = the network alone). */
  networkWeight: number
  /**
   * The combination with ETS and Theta, each fitted on the history forecast from. Absent in
   * models saved before ETS joined: their rest went to Theta (`savedCombination`).
   */
  combination?: CombinationWeights
  /** Which ETS the combination fits (absent: 'full'). */
  etsVariant?: EtsVariant
  /** Conformal half-widths per level and step, in units of each series' scale (panel-intervals.ts). */
  intervals: { levels: number[]; halfWidths: Record<number, (number | null)[]> }
  /** Static attribute and calendar inputs (panel-features.ts); absent for a network that reads none. */
  inputs?: PanelInputEncoding
  /** Training facts and test-part scores, for the analyst (not read back). */
  summary?: unknown
}

export interface PanelModel {
  info: PanelModelInfo
  params: Float32Array
}

export async function savePanelModel(dir: string, model: PanelModel): Promise<void> {
  await mkdir(dir, { recursive: true })
  const bytes = new Uint8Array(model.params.buffer, model.params.byteOffset, model.params.byteLength)
  await writeFileAtomic(join(dir, WEIGHTS_FILE), Uint8Array.from(bytes))
  await writeJsonAtomic(join(dir, PANEL_MODEL_FILE), model.info)
}

/** The weights a saved model combines with (older models: the network's share, the rest to Theta). */
export function savedCombination(info: PanelModelInfo): CombinationWeights {
  return info.combination ?? { network: info.networkWeight, ets: 0, theta: 1 - info.networkWeight }
}

export type PanelModelCode = 'MODEL_NOT_PANEL' | 'MODEL_CORRUPT'

const inputsSchema = z.object({
  static: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        name: z.string().min(1),
        kind: z.literal('categorical'),
        categories: z.array(z.string()),
        other: z.array(z.string()),
      }),
      z.object({
        name: z.string().min(1),
        kind: z.literal('numeric'),
        mean: z.number(),
        sd: z.number().positive(),
      }),
    ]),
  ),
  calendar: z.object({ season: z.number().int().min(2) }).nullable(),
  future: z
    .array(z.object({ name: z.string().min(1), mean: z.number(), sd: z.number().positive() }))
    .optional(),
})

export async function loadPanelModel(dir: string): Promise<PanelModel> {
  const info = JSON.parse(await readFile(join(dir, PANEL_MODEL_FILE), 'utf8')) as PanelModelInfo
  if (info.format !== FORMAT || info.version !== 1)
    throw new CodedError<PanelModelCode>(
      'MODEL_NOT_PANEL',
      `${dir} does not hold a panel model (format ${String(info.format)})`,
    )
  if (info.inputs !== undefined && !inputsSchema.safeParse(info.inputs).success)
    throw new CodedError<PanelModelCode>(
      'MODEL_CORRUPT',
      `${join(dir, PANEL_MODEL_FILE)} describes its static, calendar or known-future inputs in a shape this version cannot read`,
    )
  const bytes = await readFile(join(dir, WEIGHTS_FILE))
  const size = paramCount(panelSpec(info.config, info.inputs))
  if (bytes.byteLength !== size * info.members * 4)
    throw new CodedError<PanelModelCode>(
      'MODEL_CORRUPT',
      `${join(dir, WEIGHTS_FILE)} holds ${bytes.byteLength} bytes, expected ${info.members} networks of ${size} float32 weights`,
    )
  const params = new Float32Array(size * info.members)
  new Uint8Array(params.buffer).set(bytes)
  return { info, params }
}

/** True when the folder holds a panel model (the forecast command picks its path by this). */
export async function isPanelModelFolder(dir: string): Promise<boolean> {
  try {
    await readFile(join(dir, PANEL_MODEL_FILE))
    return true
  } catch {
    return false
  }
}
