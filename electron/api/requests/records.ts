import { z } from 'zod'
import type { DatasetRecord, ModelRecord } from '../records'
import type { EpochSummary } from './training'
import type { NetworkRole } from '../../../worker/training/network-role'
import { defineRequest } from '../define'
import { recordId } from './common'

const recordName = z.string().trim().min(1).max(200)
/** The record's exact name, typed by the user: deleting is not undone. */
const confirmName = z.string().min(1).max(200)

/** One epoch of a network's saved loss history (runs/<run>/<job>/loss.csv). */
export type SavedEpoch = Omit<EpochSummary, 'seconds'>

/** A past run's loss curves, one per network it trained, in the order it started them. */
export interface RunLossHistory {
  runId: string
  /** `role`: what the network was in its run, where the run's log says (runs before it may not). */
  networks: Array<{ jobId: string; role?: NetworkRole; epochs: SavedEpoch[] }>
}

/** Renaming and deleting what a project holds, with the care projects get. */
export const recordRequests = {
  'datasets.rename': defineRequest<DatasetRecord>()(
    'Renames a dataset of an open project.',
    z.object({ projectId: recordId, datasetId: recordId, name: recordName }).strict(),
  ),
  'datasets.delete': defineRequest<{ deleted: string }>()(
    'Deletes a dataset and its files; refused while a model was trained on it. The user types its name.',
    z.object({ projectId: recordId, datasetId: recordId, confirmName }).strict(),
  ),
  'models.rename': defineRequest<ModelRecord>()(
    'Renames a model of an open project.',
    z.object({ projectId: recordId, modelId: recordId, name: recordName }).strict(),
  ),
  'models.delete': defineRequest<{ deleted: string }>()(
    'Deletes a model, its folder and its forecasts. The user types its name.',
    z.object({ projectId: recordId, modelId: recordId, confirmName }).strict(),
  ),
  'runs.delete': defineRequest<{ deleted: string }>()(
    'Deletes a run that is not training (its folder and record); its model, if any, stays.',
    z.object({ projectId: recordId, runId: recordId }).strict(),
  ),
  'runs.lossHistory': defineRequest<RunLossHistory>()(
    "A past run's saved loss curves (each network's loss.csv), to draw them again.",
    z.object({ projectId: recordId, runId: recordId }).strict(),
  ),
}
