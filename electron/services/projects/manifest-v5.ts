import { z } from 'zod'
import { datasetRecordSchema, panelDatasetSchema, projectManifestSchema } from '../../api/records'
import type { ProjectManifest } from '../../api/records'

/**
 * project.json as LSTM Studio wrote it in format version 5: a panel dataset described its static
 * attributes. Format 6 adds its covariates (numeric columns that change within its series),
 * stored after the attributes in its columnar cache with the rows after each series' last value
 * (known-future inputs); the version was bumped so that an older app refuses a project whose
 * panels it would read with those rows as missing values.
 */
export const projectManifestV5Schema = projectManifestSchema.extend({
  formatVersion: z.literal(5),
  datasets: z.array(
    datasetRecordSchema.extend({ panel: panelDatasetSchema.omit({ covariates: true }).optional() }),
  ),
})

export type ProjectManifestV5 = z.infer<typeof projectManifestV5Schema>

/**
 * A format-5 panel was imported before covariates were kept: its cache holds none, so it has none
 * (importing the file again finds them).
 */
export function migrateV5ToV6(v5: ProjectManifestV5): ProjectManifest {
  return {
    ...v5,
    formatVersion: 6,
    datasets: v5.datasets.map(({ panel, ...dataset }) =>
      panel ? { ...dataset, panel: { ...panel, covariates: [] } } : dataset,
    ),
  }
}
