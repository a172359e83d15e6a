import type { Handlers } from '../../api/dispatch'
import type { OpenProjects } from '../open-projects'
import type { Uploads } from '../uploads/uploads'

type UploadHandlers = Pick<Handlers, 'uploads.begin' | 'uploads.chunk' | 'uploads.finish' | 'uploads.abort'>

/** Files sent from the browser into an open project (the desktop app picks paths natively). */
export function uploadHandlers(open: OpenProjects, uploads: Uploads): UploadHandlers {
  return {
    'uploads.begin': async ({ projectId, fileName, size }) => ({
      uploadId: await uploads.begin(open.get(projectId), fileName, size),
    }),
    'uploads.chunk': async ({ uploadId, offset, data }) => ({
      received: await uploads.chunk(uploadId, offset, data),
    }),
    'uploads.finish': async ({ uploadId }) => ({ path: await uploads.finish(uploadId) }),
    'uploads.abort': async ({ uploadId }) => ({ aborted: await uploads.abort(uploadId) }),
  }
}
