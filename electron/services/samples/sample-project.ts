import { existsSync } from 'node:fs'
import path from 'node:path'
import { importIntoProject } from '../datasets/import-into-project'
import type { ProjectSession, ProjectStore } from '../projects'

/** The series a new user sees first: monthly with a clear season, multivariate, and long half-hourly. */
const SAMPLE_FILES = ['AirPassengers.csv', 'Seatbelts.csv', 'taylor.csv']
const SAMPLE_NAME = 'LSTM Studio sample'

/**
 * The bundled sample project, made on first use in the default projects folder from the
 * public series in resources/samples, through the same import path as the user's files.
 */
export class SampleProject {
  private creating: Promise<ProjectSession> | null = null

  constructor(
    private readonly store: ProjectStore,
    private readonly samplesDir: string,
  ) {}

  async open(): Promise<ProjectSession> {
    const folder = path.join(await this.store.getDefaultProjectsFolder(), SAMPLE_NAME)
    if (existsSync(path.join(folder, 'project.json'))) return this.store.open(folder, { access: 'auto' })
    // Two windows starting at once must not both create it.
    this.creating ??= this.create().finally(() => (this.creating = null))
    return this.creating
  }

  private async create(): Promise<ProjectSession> {
    const session = await this.store.create({ name: SAMPLE_NAME })
    for (const file of SAMPLE_FILES) {
      const result = await importIntoProject(session, path.join(this.samplesDir, file), {}, {})
      if (result.status !== 'ok') throw new Error(`The bundled sample ${file} could not be imported`)
    }
    return session
  }
}
