import type { Handlers } from '../api/dispatch'
import { appInfo } from './app/app-info'
import type { AppIdentity } from './app/app-info'
import { EventBus } from './event-bus'
import { SampleService } from './samples/sample-service'

export interface ServiceOptions {
  identity: AppIdentity
  /** Folder holding the bundled sample CSVs (resources/samples). */
  samplesDir: string
}

export interface Services {
  handlers: Handlers
  bus: EventBus
  dispose(): Promise<void>
}

/**
 * The plain-Node implementation of the whole API. Both adapters (Electron IPC and the
 * loopback WebSocket server) are built on the handlers returned here; nothing in this
 * folder imports Electron.
 */
export function createServices(options: ServiceOptions): Services {
  const bus = new EventBus()
  const samples = new SampleService(options.samplesDir)
  const handlers: Handlers = {
    'app.info': (_args, context) => appInfo(options.identity, context),
    'app.echo': ({ message }) => ({ message, receivedAt: new Date().toISOString() }),
    'samples.list': () => samples.list(),
    'samples.series': ({ id }) => samples.series(id),
  }
  return { handlers, bus, dispose: async () => {} }
}
