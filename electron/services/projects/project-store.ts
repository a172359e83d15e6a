import { randomUUID } from 'node:crypto'
import { mkdir, realpath, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { hasErrnoCode } from '../storage/coded-error'
import { toSafeFileName } from '../storage/file-names'
import { tryAcquireLock } from '../storage/lock-file'
import type { LockOptions } from '../storage/lock-file'
import type { StorageFs } from '../storage/storage-fs'
import { copyProjectAtomically, freeCopyFolder } from './copy-project'
import {
  ConfirmationRequiredError,
  ProjectDamagedError,
  ProjectExistsError,
  ProjectLockedError,
  ProjectNotFoundError,
  ProjectTooNewError,
} from './errors'
import { readManifest, writeManifest } from './manifest-io'
import type { ProjectManifest } from '../../api/records'
import { CURRENT_FORMAT_VERSION } from '../../api/records'
import { lockPath, PROJECT_FILE, PROJECT_SUBFOLDERS } from './project-layout'
import { ProjectSession } from './project-session'
import { ProjectsSettings } from './projects-settings'
import { RecentProjects } from './recent-projects'
import type { RecentProject } from './recent-projects'

export interface ProjectStoreOptions {
  /** The app's settings folder (recent.json, projects-settings.json). */
  settingsDir: string
  /** Used when the user has not chosen a projects folder; normally builtInProjectsFolder(). */
  defaultProjectsFolder: string
  /** Distinguishes this app instance in lock files; random by default. */
  instanceId?: string
  hostname?: string
  lockStaleAfterMs?: number
  lockHeartbeatMs?: number
  fs?: StorageFs
  now?: () => Date
}

/** 'auto' opens for writing when possible and falls back to read-only if another instance writes. */
export type ProjectAccess = 'write' | 'read' | 'auto'

export interface DeleteConfirmation {
  confirm: true
  /** The project's exact name or id, as typed by the user in the confirmation dialog. */
  nameOrId: string
}

export interface ProjectSummary {
  path: string
  id: string
  name: string
}

/** Creates, opens, renames, duplicates and deletes project folders. Owns no Electron state. */
export class ProjectStore {
  private readonly settings: ProjectsSettings
  private readonly recent: RecentProjects
  private readonly lockOptions: LockOptions
  private readonly sessions = new Set<ProjectSession>()

  constructor(private readonly options: ProjectStoreOptions) {
    this.settings = new ProjectsSettings(options.settingsDir, options.defaultProjectsFolder)
    this.recent = new RecentProjects(options.settingsDir)
    this.lockOptions = {
      instanceId: options.instanceId ?? randomUUID(),
      hostname: options.hostname,
      staleAfterMs: options.lockStaleAfterMs,
      heartbeatMs: options.lockHeartbeatMs,
    }
  }

  getDefaultProjectsFolder(): Promise<string> {
    return this.settings.getDefaultProjectsFolder()
  }

  setDefaultProjectsFolder(folder: string | null): Promise<void> {
    return this.settings.setDefaultProjectsFolder(folder)
  }

  listRecent(): Promise<RecentProject[]> {
    return this.recent.list()
  }

  forgetRecent(projectPath: string): Promise<void> {
    return this.recent.forget(projectPath)
  }

  async create(request: { name: string; parentDir?: string }): Promise<ProjectSession> {
    const parent = request.parentDir ?? (await this.getDefaultProjectsFolder())
    await mkdir(parent, { recursive: true })
    const projectDir = path.join(await realpath(parent), toSafeFileName(request.name))
    try {
      await mkdir(projectDir)
    } catch (error) {
      if (hasErrnoCode(error, 'EEXIST')) throw new ProjectExistsError(projectDir)
      throw error
    }
    try {
      for (const folder of PROJECT_SUBFOLDERS) await mkdir(path.join(projectDir, folder))
      const now = this.now().toISOString()
      const manifest: ProjectManifest = {
        formatVersion: CURRENT_FORMAT_VERSION,
        id: randomUUID(),
        name: request.name.trim() || 'Untitled',
        created: now,
        modified: now,
        datasets: [],
        models: [],
        runs: [],
        forecasts: [],
      }
      await writeManifest(projectDir, manifest, { fs: this.options.fs })
      return await this.open(projectDir, { access: 'write' })
    } catch (error) {
      // The folder is brand new and holds nothing of the user's yet.
      await rm(projectDir, { recursive: true, force: true })
      throw error
    }
  }

  /** `projectPath` may be the folder or its project.json. */
  async open(projectPath: string, request: { access?: ProjectAccess } = {}): Promise<ProjectSession> {
    const access = request.access ?? 'auto'
    const projectDir = await this.locateProject(projectPath)
    const { manifest, migratedFrom } = await readManifest(projectDir)
    let lock = null
    let lockedBy = null
    if (access !== 'read') {
      const attempt = await tryAcquireLock(lockPath(projectDir), this.lockOptions)
      if (attempt.acquired) lock = attempt.lock
      else if (access === 'write') throw new ProjectLockedError(projectDir, attempt.owner)
      else lockedBy = attempt.owner
    }
    const session = new ProjectSession({
      path: projectDir,
      manifest,
      migratedFrom,
      lock,
      lockedBy,
      fs: this.options.fs,
      now: this.options.now,
      onClose: (closed) => this.sessions.delete(closed),
    })
    this.sessions.add(session)
    try {
      await this.recent.remember({ path: projectDir, name: manifest.name, id: manifest.id }, this.now())
    } catch (error) {
      // An open that fails must not leave the project locked until the app quits.
      await session.close()
      throw error
    }
    return session
  }

  /** Renames the project; with `renameFolder` the folder follows the new name (same parent). */
  async rename(
    session: ProjectSession,
    newName: string,
    request: { renameFolder?: boolean } = {},
  ): Promise<void> {
    const name = newName.trim()
    if (name === '') throw new RangeError('A project name cannot be empty.')
    const oldPath = session.path
    await session.update((draft) => {
      draft.name = name
    })
    if (request.renameFolder) {
      const newPath = path.join(path.dirname(oldPath), toSafeFileName(name))
      if (newPath !== oldPath) {
        if (await this.exists(newPath)) throw new ProjectExistsError(newPath)
        await rename(oldPath, newPath)
        session.relocate(newPath, lockPath(newPath))
      }
    }
    await this.recent.replace(oldPath, { path: session.path, name, id: session.manifest.id })
  }

  /**
   * Copies the folder (never the lock or crash leftovers) under a new id, all or nothing:
   * a crash or failure mid-copy never leaves a second folder with the original's id.
   */
  async duplicate(projectPath: string, request: { parentDir?: string } = {}): Promise<ProjectSummary> {
    const sourceDir = await this.locateProject(projectPath)
    const { manifest } = await readManifest(sourceDir)
    const parent = request.parentDir ? await realpath(request.parentDir) : path.dirname(sourceDir)
    const targetDir = await freeCopyFolder(parent, path.basename(sourceDir))
    const copy: ProjectManifest = {
      ...manifest,
      id: randomUUID(),
      name: `${manifest.name} (copy)`,
      created: this.now().toISOString(),
      modified: this.now().toISOString(),
    }
    await copyProjectAtomically(sourceDir, targetDir, copy, this.options.fs)
    return { path: targetDir, id: copy.id, name: copy.name }
  }

  /**
   * Deletes the project folder, after the user confirmed with the project's name or id.
   * Refuses folders without project.json and projects another instance is editing.
   */
  async delete(projectPath: string, confirmation: DeleteConfirmation): Promise<void> {
    const projectDir = await this.locateProject(projectPath)
    const identity = await this.identityForDeletion(projectDir)
    const confirmed =
      confirmation?.confirm === true && [identity.name, identity.id].includes(confirmation.nameOrId)
    if (!confirmed) throw new ConfirmationRequiredError(identity.name)
    for (const session of this.sessions) if (session.path === projectDir) await session.close()
    const attempt = await tryAcquireLock(lockPath(projectDir), this.lockOptions)
    if (!attempt.acquired) throw new ProjectLockedError(projectDir, attempt.owner)
    // Delete while holding the lock so no other instance can open the project half-way.
    // rm never follows symbolic links, so nothing outside the folder is touched.
    try {
      await rm(projectDir, { recursive: true })
    } finally {
      await attempt.lock.release()
    }
    await this.recent.forget(projectDir)
  }

  /** Closes every open project (app quit). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions].map((session) => session.close()))
  }

  /** A damaged or too-new project can still be deleted, confirmed by its folder name. */
  private async identityForDeletion(projectDir: string): Promise<{ name: string; id: string }> {
    try {
      const { manifest } = await readManifest(projectDir)
      return { name: manifest.name, id: manifest.id }
    } catch (error) {
      if (error instanceof ProjectDamagedError || error instanceof ProjectTooNewError) {
        return { name: path.basename(projectDir), id: path.basename(projectDir) }
      }
      throw error
    }
  }

  private async locateProject(projectPath: string): Promise<string> {
    const folder = path.basename(projectPath) === PROJECT_FILE ? path.dirname(projectPath) : projectPath
    try {
      const real = await realpath(path.resolve(folder))
      if ((await stat(path.join(real, PROJECT_FILE))).isFile()) return real
    } catch (error) {
      if (!hasErrnoCode(error, 'ENOENT', 'ENOTDIR')) throw error
    }
    throw new ProjectNotFoundError(folder)
  }

  private async exists(target: string): Promise<boolean> {
    return stat(target).then(
      () => true,
      () => false,
    )
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }
}
