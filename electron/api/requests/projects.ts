import { z } from 'zod'
import type { ProjectManifest } from '../records'
import { defineRequest } from '../define'
import { absolutePath, recordId } from './common'

/** An open project as the renderer sees it: the manifest plus where it is and how it is held. */
export interface ProjectView {
  /** Handle for later requests while the project stays open (the manifest's id). */
  projectId: string
  path: string
  readOnly: boolean
  /** Who holds the write lock when we opened read-only. */
  lockedBy: { hostname: string; pid: number } | null
  manifest: ProjectManifest
}

export interface RecentProjectView {
  path: string
  name: string
  openedAt: string
  missing: boolean
}

const projectId = recordId
const projectName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120)
  .refine((value) => !/[\\/:*?"<>|\0]/.test(value), 'must not contain \\ / : * ? " < > | or NUL')

export const projectRequests = {
  'projects.recent': defineRequest<RecentProjectView[]>()('Recently opened projects.', z.object({}).strict()),
  'projects.defaultFolder': defineRequest<{ folder: string }>()(
    'The folder new projects go into.',
    z.object({}).strict(),
  ),
  'projects.create': defineRequest<ProjectView>()(
    'Creates a project folder and opens it.',
    z.object({ name: projectName, parentDir: absolutePath.optional() }).strict(),
  ),
  'projects.open': defineRequest<ProjectView>()(
    'Opens a project folder (read-only when another window writes to it).',
    z.object({ path: absolutePath, readOnly: z.boolean().optional() }).strict(),
  ),
  'projects.openSample': defineRequest<ProjectView>()(
    'Opens the bundled sample project, creating it on first use.',
    z.object({}).strict(),
  ),
  'projects.get': defineRequest<ProjectView>()(
    'The current state of an open project.',
    z.object({ projectId }).strict(),
  ),
  'projects.rename': defineRequest<ProjectView>()(
    'Renames an open project.',
    z.object({ projectId, name: projectName }).strict(),
  ),
  'projects.duplicate': defineRequest<{ path: string; name: string }>()(
    'Copies a project folder under a new id.',
    z.object({ projectId }).strict(),
  ),
  'projects.delete': defineRequest<{ deleted: string }>()(
    'Deletes a project folder; the user must type its name.',
    z.object({ path: absolutePath, confirmName: z.string().min(1).max(200) }).strict(),
  ),
  'projects.close': defineRequest<{ closed: boolean }>()(
    'Closes an open project.',
    z.object({ projectId }).strict(),
  ),
}
