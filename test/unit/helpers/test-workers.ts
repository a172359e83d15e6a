import path from 'node:path'
import type { WorkerFiles } from '../../../electron/services'

const root = path.resolve(__dirname, '../../..')

/** The real worker entries, run from TypeScript source through tsx (the app runs the bundled ones). */
export const testWorkerFiles: WorkerFiles = {
  train: path.join(root, 'worker/tasks/train-worker.ts'),
  evaluate: path.join(root, 'worker/tasks/evaluate-worker.ts'),
  execArgv: ['--import', 'tsx'],
  poolSize: 1,
}
