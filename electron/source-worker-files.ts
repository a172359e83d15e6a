import path from 'node:path'
import type { WorkerFiles } from './services'

/**
 * The worker entries as TypeScript, run through tsx: for a source checkout that was not built
 * (bin/lstm-studio.cjs falls back to tsx) and for the tests. The app runs the bundled ones.
 */
export function sourceWorkerFiles(root = path.resolve(__dirname, '..')): WorkerFiles {
  return {
    train: path.join(root, 'worker/tasks/train-worker.ts'),
    run: path.join(root, 'worker/tasks/run-worker.ts'),
    execArgv: ['--import', 'tsx'],
  }
}

/** The bundled entries when this code is the build, else the sources. */
export async function workerFilesHere(): Promise<WorkerFiles> {
  if (__filename.endsWith('.ts')) return sourceWorkerFiles()
  return (await import('./worker-files')).bundledWorkerFiles
}
