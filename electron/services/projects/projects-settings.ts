import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { writeJsonAtomic } from '../storage/atomic-write'
import { readJsonFileOr } from '../storage/read-json-file'

export const PROJECTS_SETTINGS_FILE = 'projects-settings.json'

/** Where new projects go unless the user picked another folder in the settings. */
export function builtInProjectsFolder(): string {
  return path.join(homedir(), 'LSTM Studio Projects')
}

const settingsSchema = z.object({ defaultProjectsFolder: z.string().nullable() })

/** The project-related preferences, in their own file of the settings folder. */
export class ProjectsSettings {
  private readonly filePath: string

  constructor(
    settingsDir: string,
    private readonly fallbackProjectsFolder: string,
  ) {
    this.filePath = path.join(settingsDir, PROJECTS_SETTINGS_FILE)
  }

  async getDefaultProjectsFolder(): Promise<string> {
    const settings = await readJsonFileOr(this.filePath, settingsSchema, { defaultProjectsFolder: null })
    return settings.defaultProjectsFolder ?? this.fallbackProjectsFolder
  }

  /** `null` goes back to the built-in default. */
  async setDefaultProjectsFolder(folder: string | null): Promise<void> {
    if (folder !== null && !path.isAbsolute(folder)) {
      throw new RangeError(`The projects folder must be an absolute path, got "${folder}".`)
    }
    await mkdir(path.dirname(this.filePath), { recursive: true })
    await writeJsonAtomic(this.filePath, {
      defaultProjectsFolder: folder === null ? null : path.resolve(folder),
    })
  }
}
