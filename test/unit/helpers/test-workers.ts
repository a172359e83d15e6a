import path from 'node:path'
import type { WorkerFiles } from '../../../electron/services'
import { sourceWorkerFiles } from '../../../electron/source-worker-files'

const root = path.resolve(__dirname, '../../..')

/** The real worker entries, run from TypeScript source through tsx (the app runs the bundled ones). */
export const testWorkerFiles: WorkerFiles = { ...sourceWorkerFiles(root), poolSize: 1 }
