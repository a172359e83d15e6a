import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDispatcher } from '../../../electron/api/dispatch'
import type { Dispatcher } from '../../../electron/api/dispatch'
import { createServices } from '../../../electron/services'
import type { ServiceOptions, Services } from '../../../electron/services'
import { testWorkerFiles } from './test-workers'

export interface TestServices {
  /** A fresh temporary folder holding the settings and projects of this instance. */
  root: string
  services: Services
  dispatch: Dispatcher
  dispose(): Promise<void>
}

/** The real services (worker threads included) on a temporary folder, as a new user starts. */
export function createTestServices(prefix: string, extra: Partial<ServiceOptions> = {}): TestServices {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix))
  const services = createServices({
    identity: { name: 'LSTM Studio', version: '0.0.0-test', electronVersion: null },
    samplesDir: path.resolve(__dirname, '../../../resources/samples'),
    settingsDir: path.join(root, 'settings'),
    defaultProjectsFolder: path.join(root, 'projects'),
    workers: testWorkerFiles,
    ...extra,
  })
  return {
    root,
    services,
    dispatch: createDispatcher(services.handlers),
    dispose: async () => {
      await services.dispose()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
