import type { Handlers } from '../../api/dispatch'
import type { OpenProjects } from '../open-projects'
import type { ProjectStore } from '../projects'
import type { SampleProject } from '../samples/sample-project'

type ProjectHandlers = Pick<
  Handlers,
  | 'projects.recent'
  | 'projects.defaultFolder'
  | 'projects.create'
  | 'projects.open'
  | 'projects.openSample'
  | 'projects.get'
  | 'projects.rename'
  | 'projects.duplicate'
  | 'projects.delete'
  | 'projects.close'
>

export function projectHandlers(
  store: ProjectStore,
  open: OpenProjects,
  sample: SampleProject,
): ProjectHandlers {
  return {
    'projects.recent': async () =>
      (await store.listRecent()).map(({ path, name, openedAt, missing }) => ({
        path,
        name,
        openedAt,
        missing,
      })),
    'projects.defaultFolder': async () => ({ folder: await store.getDefaultProjectsFolder() }),
    'projects.create': async ({ name, parentDir }) => open.add(await store.create({ name, parentDir })),
    'projects.open': async ({ path, readOnly }) => {
      const already = open.findByPath(path)
      if (already) return open.add(already)
      return open.add(await store.open(path, { access: readOnly ? 'read' : 'auto' }))
    },
    'projects.openSample': async () => open.add(await sample.open()),
    'projects.get': ({ projectId }) => open.view(projectId),
    'projects.rename': async ({ projectId, name }) => {
      await store.rename(open.get(projectId), name)
      return open.view(projectId)
    },
    'projects.duplicate': async ({ projectId }) => {
      const copy = await store.duplicate(open.get(projectId).path)
      return { path: copy.path, name: copy.name }
    },
    'projects.delete': async ({ path, confirmName }) => {
      const session = open.findByPath(path)
      // The store checks the typed name first and only then closes the project: a typo
      // leaves the open project as it was.
      await store.delete(path, { confirm: true, nameOrId: confirmName })
      if (session) await open.close(session.manifest.id)
      return { deleted: path }
    },
    'projects.close': async ({ projectId }) => ({ closed: await open.close(projectId) }),
  }
}
