import runWorker from '../worker/tasks/run-worker?modulePath'
import trainWorker from '../worker/tasks/train-worker?modulePath'
import type { WorkerFiles } from './services'

/** The worker threads' bundled files (electron-vite emits each `?modulePath` import as its own chunk). */
export const bundledWorkerFiles: WorkerFiles = { train: trainWorker, run: runWorker }
