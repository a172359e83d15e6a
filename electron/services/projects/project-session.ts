import { randomUUID } from 'node:crypto'
import type { HeldLock } from '../storage/lock-file'
import type { LockOwner } from '../storage/lock-owner'
import { resolveInside } from '../storage/safe-path'
import { SerialQueue } from '../storage/serial-queue'
import type { StorageFs } from '../storage/storage-fs'
import { ProjectClosedError, ProjectLockedError, ProjectReadOnlyError } from './errors'
import { writeManifest } from './manifest-io'
import * as records from './manifest-records'
import type {
  DatasetRecord,
  ForecastRecord,
  ModelRecord,
  ProjectManifest,
  RunRecord,
} from '../../api/records'

export interface SessionInit {
  path: string
  manifest: ProjectManifest
  migratedFrom: number | null
  /** Held when open for writing; null when read-only. */
  lock: HeldLock | null
  lockedBy: LockOwner | null
  fs?: StorageFs
  now?: () => Date
  onClose?: (session: ProjectSession) => void
}

type WithOptionalId<T extends { id: string }> = Omit<T, 'id'> & { id?: string }

/**
 * One open project. Every change goes through `update`, which saves project.json
 * atomically and only then adopts the new state, so a failed save changes nothing,
 * neither on disk nor in memory.
 */
export class ProjectSession {
  private currentPath: string
  private current: ProjectManifest
  private readonly queue = new SerialQueue()
  private closed = false
  readonly migratedFrom: number | null
  readonly lockedBy: LockOwner | null

  constructor(private readonly init: SessionInit) {
    this.currentPath = init.path
    this.current = init.manifest
    this.migratedFrom = init.migratedFrom
    this.lockedBy = init.lockedBy
  }

  get path(): string {
    return this.currentPath
  }

  get readOnly(): boolean {
    return this.init.lock === null
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** A copy: callers cannot change the project behind the session's back. */
  get manifest(): ProjectManifest {
    return structuredClone(this.current)
  }

  /** Absolute path of a project-relative one, refusing anything that leaves the folder. */
  resolve(relative: string): Promise<string> {
    return resolveInside(this.currentPath, relative)
  }

  now(): Date {
    return this.init.now?.() ?? new Date()
  }

  update(change: (draft: ProjectManifest) => void): Promise<ProjectManifest> {
    return this.queue.run(async () => {
      await this.assertWritable()
      const draft = structuredClone(this.current)
      change(draft)
      draft.modified = this.now().toISOString()
      await writeManifest(this.currentPath, draft, { fs: this.init.fs })
      this.current = draft
      return structuredClone(draft)
    })
  }

  async addDataset(input: WithOptionalId<Omit<DatasetRecord, 'imported'>>): Promise<DatasetRecord> {
    const record: DatasetRecord = {
      ...input,
      id: input.id ?? randomUUID(),
      imported: this.now().toISOString(),
    }
    await this.update((draft) => records.addDatasetRecord(draft, record))
    return record
  }

  async updateDataset(id: string, patch: Partial<Omit<DatasetRecord, 'id'>>): Promise<void> {
    await this.update((draft) => records.updateDatasetRecord(draft, id, patch))
  }

  async addRun(input: WithOptionalId<Omit<RunRecord, 'started' | 'ended'>>): Promise<RunRecord> {
    const started = input.status === 'queued' ? null : this.now().toISOString()
    const record: RunRecord = { ...input, id: input.id ?? randomUUID(), started, ended: null }
    await this.update((draft) => records.addRunRecord(draft, record))
    return record
  }

  async updateRun(id: string, patch: Partial<Omit<RunRecord, 'id'>>): Promise<void> {
    await this.update((draft) => records.updateRunRecord(draft, id, patch))
  }

  async addModel(input: WithOptionalId<Omit<ModelRecord, 'created'>>): Promise<ModelRecord> {
    const record: ModelRecord = { ...input, id: input.id ?? randomUUID(), created: this.now().toISOString() }
    await this.update((draft) => records.addModelRecord(draft, record))
    return record
  }

  async addForecast(input: WithOptionalId<Omit<ForecastRecord, 'created'>>): Promise<ForecastRecord> {
    const record: ForecastRecord = {
      ...input,
      id: input.id ?? randomUUID(),
      created: this.now().toISOString(),
    }
    await this.update((draft) => records.addForecastRecord(draft, record))
    return record
  }

  /** The project folder was renamed (the store did it while holding the lock). */
  relocate(newPath: string, newLockPath: string): void {
    this.currentPath = newPath
    this.init.lock?.relocate(newLockPath)
  }

  async assertWritable(): Promise<void> {
    if (this.closed) throw new ProjectClosedError(this.currentPath)
    if (!this.init.lock) throw new ProjectReadOnlyError(this.currentPath)
    // Another instance may have taken over a lock it judged stale (e.g. after this machine slept).
    if (!(await this.init.lock.isHeld())) throw new ProjectLockedError(this.currentPath, null)
  }

  /** Waits for pending saves, then releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.queue.run(async () => {
      this.closed = true
      await this.init.lock?.release()
    })
    this.init.onClose?.(this)
  }
}
