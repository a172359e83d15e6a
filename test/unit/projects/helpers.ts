import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { ProjectStore } from '../../../electron/services/projects/project-store'
import type { ProjectStoreOptions } from '../../../electron/services/projects/project-store'

/** Temp folders created by a test file, removed after each test. */
export function useTempDirs(): () => Promise<string> {
  const created: string[] = []
  afterEach(async () => {
    await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  })
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lstm-projects-'))
    created.push(dir)
    return dir
  }
}

export interface StoreFixture {
  store: ProjectStore
  settingsDir: string
  projectsDir: string
}

/** A store whose settings and default projects folder live under `root`. */
export function makeStore(root: string, options: Partial<ProjectStoreOptions> = {}): StoreFixture {
  const settingsDir = path.join(root, 'settings')
  const projectsDir = path.join(root, 'projects')
  const store = new ProjectStore({ settingsDir, defaultProjectsFolder: projectsDir, ...options })
  return { store, settingsDir, projectsDir }
}

/** Expects `promise` to reject with an error carrying `code`; returns the error for further checks. */
export async function rejectsWithCode(
  promise: Promise<unknown>,
  code: string,
): Promise<Error & { code: string }> {
  try {
    await promise
  } catch (error) {
    const coded = error as Error & { code: string }
    if (coded.code !== code) throw new Error(`expected ${code}, got ${coded.code}: ${coded.message}`)
    return coded
  }
  throw new Error(`expected a rejection with ${code}, but it resolved`)
}
