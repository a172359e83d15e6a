import type { ProjectView } from '../api/requests/projects'
import type { ProjectSession } from './projects'
import { CodedError } from './storage'

/**
 * The projects this app instance has open, by id. Requests name a project by the id they
 * got back from `projects.open`, so several windows (or browser tabs) can work side by side.
 */
export class OpenProjects {
  private readonly sessions = new Map<string, ProjectSession>()

  add(session: ProjectSession): ProjectView {
    const id = session.manifest.id
    const previous = this.sessions.get(id)
    if (previous && previous !== session && !previous.isClosed) {
      // Opening a project this instance already writes to (a second tab, the sample again)
      // must not trade the writable session for a read-only one.
      if (!previous.readOnly && session.readOnly) {
        void session.close()
        return viewOf(previous)
      }
      void previous.close()
    }
    this.sessions.set(id, session)
    return viewOf(session)
  }

  get(projectId: string): ProjectSession {
    const session = this.sessions.get(projectId)
    if (!session || session.isClosed) {
      throw new CodedError(
        'PROJECT_NOT_OPEN',
        'That project is not open any more; open it again from the projects list',
      )
    }
    return session
  }

  findByPath(projectPath: string): ProjectSession | undefined {
    return [...this.sessions.values()].find((session) => session.path === projectPath && !session.isClosed)
  }

  view(projectId: string): ProjectView {
    return viewOf(this.get(projectId))
  }

  async close(projectId: string): Promise<boolean> {
    const session = this.sessions.get(projectId)
    this.sessions.delete(projectId)
    if (!session) return false
    await session.close()
    return true
  }

  async closeAll(): Promise<void> {
    const all = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(all.map((session) => session.close()))
  }
}

export function viewOf(session: ProjectSession): ProjectView {
  return {
    projectId: session.manifest.id,
    path: session.path,
    readOnly: session.readOnly,
    lockedBy: session.lockedBy ? { hostname: session.lockedBy.hostname, pid: session.lockedBy.pid } : null,
    manifest: session.manifest,
  }
}
