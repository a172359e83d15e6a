import { z } from 'zod'
import { datasetRecordSchema, panelDatasetSchema, projectManifestSchema } from '../../api/records'
import type { ProjectManifestV5 } from './manifest-v5'

/**
 * project.json as LSTM Studio wrote it in format version 4: a panel dataset described its form,
 * keys and lengths. Format 5 adds its static attributes (columns constant within each series),
 * stored after the value in its columnar cache; the version was bumped so that an older app
 * refuses a project whose panels it would read without them.
 */
export const projectManifestV4Schema = projectManifestSchema.extend({
  formatVersion: z.literal(4),
  datasets: z.array(
    datasetRecordSchema.extend({
      panel: panelDatasetSchema.omit({ staticAttributes: true, covariates: true }).optional(),
    }),
  ),
})

export type ProjectManifestV4 = z.infer<typeof projectManifestV4Schema>

/**
 * A format-4 panel was imported before attributes were detected: its cache holds none, so it has
 * none (importing the file again detects them).
 */
export function migrateV4ToV5(v4: ProjectManifestV4): ProjectManifestV5 {
  return {
    ...v4,
    formatVersion: 5,
    datasets: v4.datasets.map(({ panel, ...dataset }) =>
      panel ? { ...dataset, panel: { ...panel, staticAttributes: [] } } : dataset,
    ),
  }
}
