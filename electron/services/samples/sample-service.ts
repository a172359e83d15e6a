import path from 'node:path'
import type { SampleInfo, SeriesData } from '../../api/requests/samples'
import { importCsv } from '../data'
import { CodedError } from '../storage'
import type { CsvDataset } from '../data'
import { sampleCatalog } from './catalog'
import type { SampleEntry } from './catalog'

/**
 * The bundled public series, read through the same importer as the user's own files so
 * that what the sample shows is exactly what an import of that file would give.
 */
export class SampleService {
  private readonly cache = new Map<string, Promise<CsvDataset>>()

  constructor(private readonly samplesDir: string) {}

  async list(): Promise<SampleInfo[]> {
    return Promise.all(
      sampleCatalog.map(async (entry) => {
        const dataset = await this.load(entry)
        return {
          id: entry.id,
          title: entry.title,
          description: entry.description,
          source: entry.source,
          frequency: dataset.detected.frequency?.frequency ?? null,
          length: dataset.rowCount,
          columns: dataset.columns.filter((c) => c.kind === 'numeric').map((c) => c.name),
        }
      }),
    )
  }

  async series(id: string): Promise<SeriesData> {
    const entry = sampleCatalog.find((candidate) => candidate.id === id)
    if (!entry) throw new CodedError('NOT_FOUND', `There is no bundled sample called "${id}"`)
    const dataset = await this.load(entry)
    return {
      sampleId: id,
      timestamps: dataset.timestamps ? Array.from(dataset.timestamps) : null,
      columns: dataset.columns
        .filter((column) => column.kind === 'numeric')
        .map((column) => ({
          name: column.name,
          values: Array.from(column.values as Float64Array, (v) => (Number.isNaN(v) ? null : v)),
        })),
    }
  }

  private load(entry: SampleEntry): Promise<CsvDataset> {
    let loading = this.cache.get(entry.id)
    if (!loading) {
      loading = importCsv(path.join(this.samplesDir, entry.file)).then((outcome) => {
        // Bundled files are clean; a decision here means the file in resources/ was damaged.
        if (outcome.status !== 'ok')
          throw new Error(
            `The bundled sample ${entry.file} needs a decision: ${outcome.decisions[0]?.message}`,
          )
        return outcome.dataset
      })
      this.cache.set(entry.id, loading)
      loading.catch(() => this.cache.delete(entry.id))
    }
    return loading
  }
}
