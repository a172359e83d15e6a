import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { writeJsonAtomic } from '../storage/atomic-write'
import { readJsonFileOr } from '../storage/read-json-file'
import { SerialQueue } from '../storage/serial-queue'
import { manifestPath } from './project-layout'

export const RECENT_FILE = 'recent.json'
export const MAX_RECENT_PROJECTS = 10

const entrySchema = z.object({
  path: z.string(),
  name: z.string(),
  id: z.string(),
  openedAt: z.string(),
})

const recentFileSchema = z.object({ formatVersion: z.literal(1), projects: z.array(entrySchema) })

export type RecentProjectEntry = z.infer<typeof entrySchema>

export interface RecentProject extends RecentProjectEntry {
  /** The folder (or its project.json) is gone: moved, deleted or on a disconnected drive. */
  missing: boolean
}

async function projectExists(projectDir: string): Promise<boolean> {
  try {
    return (await stat(manifestPath(projectDir))).isFile()
  } catch {
    return false
  }
}

/** The "recent projects" list of the start screen, kept in the settings folder. */
export class RecentProjects {
  private readonly filePath: string
  private readonly queue = new SerialQueue()

  constructor(settingsDir: string) {
    this.filePath = path.join(settingsDir, RECENT_FILE)
  }

  /** Most recent first. */
  async list(): Promise<RecentProject[]> {
    const entries = await this.read()
    return Promise.all(
      entries.map(async (entry) => ({ ...entry, missing: !(await projectExists(entry.path)) })),
    )
  }

  async remember(entry: Omit<RecentProjectEntry, 'openedAt'>, openedAt: Date): Promise<void> {
    await this.update((entries) => [
      { ...entry, openedAt: openedAt.toISOString() },
      ...entries.filter((existing) => existing.path !== entry.path),
    ])
  }

  /** Keeps the entry's place in the list when a project is renamed or moved. */
  async replace(oldPath: string, entry: Omit<RecentProjectEntry, 'openedAt'>): Promise<void> {
    await this.update((entries) =>
      entries.map((existing) => (existing.path === oldPath ? { ...existing, ...entry } : existing)),
    )
  }

  async forget(projectPath: string): Promise<void> {
    await this.update((entries) => entries.filter((existing) => existing.path !== projectPath))
  }

  private async read(): Promise<RecentProjectEntry[]> {
    const file = await readJsonFileOr(this.filePath, recentFileSchema, { formatVersion: 1, projects: [] })
    return file.projects
  }

  private update(change: (entries: RecentProjectEntry[]) => RecentProjectEntry[]): Promise<void> {
    return this.queue.run(async () => {
      const projects = change(await this.read()).slice(0, MAX_RECENT_PROJECTS)
      await mkdir(path.dirname(this.filePath), { recursive: true })
      await writeJsonAtomic(this.filePath, { formatVersion: 1, projects })
    })
  }
}
