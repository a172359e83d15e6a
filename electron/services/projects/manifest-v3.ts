import { z } from 'zod'
import { datasetRecordSchema, projectManifestSchema } from '../../api/records'
import type { ProjectManifestV4 } from './manifest-v4'

/**
 * project.json as LSTM Studio wrote it in format version 3: every dataset held one series.
 * Format 4 lets a dataset describe a panel of many series (`panel`); the version was bumped so
 * that an older app refuses such a project instead of silently dropping the description and
 * reading the panel's stacked rows as one series.
 */
export const projectManifestV3Schema = projectManifestSchema.extend({
  formatVersion: z.literal(3),
  datasets: z.array(datasetRecordSchema.omit({ panel: true })),
})

export type ProjectManifestV3 = z.infer<typeof projectManifestV3Schema>

/** Nothing to rewrite: a format-3 dataset is a one-series dataset of format 4. */
export function migrateV3ToV4(v3: ProjectManifestV3): ProjectManifestV4 {
  return { ...v3, formatVersion: 4 }
}
