import type { Handlers } from '../api/dispatch'
import { appInfo } from './app/app-info'
import type { AppIdentity } from './app/app-info'
import { EventBus } from './event-bus'
import { ImportRegistry } from './datasets/import-registry'
import { dataHandlers } from './handlers/data'
import { insideHandlers } from './handlers/inside'
import { modelHandlers } from './handlers/models'
import { panelHandlers } from './handlers/panel'
import { projectHandlers } from './handlers/projects'
import { recordHandlers } from './handlers/records'
import { appTrainingHandlers } from './handlers/training'
import { uploadHandlers } from './handlers/uploads'
import { downloadHandlers } from './handlers/downloads'
import { OpenProjects } from './open-projects'
import { AppRuns } from './runs/app-runs'
import { PanelRuns } from './runs/panel-runs'
import { RunThread } from './runs/run-thread'
import { builtInProjectsFolder, ProjectStore } from './projects'
import { SampleProject } from './samples/sample-project'
import { TrainingService } from './training/training-service'
import { Uploads } from './uploads/uploads'
import { CodedError } from './storage'

/** Files of the worker threads: bundled paths in the app (`?modulePath`), TypeScript under tsx in tests. */
export interface WorkerFiles {
  train: string
  /** worker/tasks/run-worker: forecasting runs and "inside the cell". */
  run: string
  execArgv?: string[]
  /** Threads of the training pool; default cores − 1. */
  poolSize?: number
}

/** Native pickers, provided by the desktop app only (the services never import Electron). */
export interface NativeDialogs {
  pickCsvFile(): Promise<string | null>
  pickProjectFolder(): Promise<string | null>
}

export interface ServiceOptions {
  identity: AppIdentity
  /** Folder holding the bundled sample CSVs (resources/samples). */
  samplesDir: string
  /** The app's settings folder (recent projects, chosen projects folder). */
  settingsDir: string
  /** Where new projects go until the user picks another folder. */
  defaultProjectsFolder?: string
  workers: WorkerFiles
  dialogs?: NativeDialogs
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
  const store = new ProjectStore({
    settingsDir: options.settingsDir,
    defaultProjectsFolder: options.defaultProjectsFolder ?? builtInProjectsFolder(),
  })
  const open = new OpenProjects()
  const training = new TrainingService({
    workerFilename: options.workers.train,
    execArgv: options.workers.execArgv,
    poolSize: options.workers.poolSize,
    events: bus,
  })
  const thread = new RunThread(options.workers.run, options.workers.execArgv)
  const reopen = async (projectPath: string) => {
    const session = open.findByPath(projectPath) ?? (await store.open(projectPath, { access: 'write' }))
    open.add(session)
    return session
  }
  const runs = new AppRuns(training, thread, open, bus, reopen)
  const panelRuns = new PanelRuns(training, thread, open, bus, reopen)
  const uploads = new Uploads()
  const imports = new ImportRegistry()
  const handlers: Handlers = {
    'app.info': (_args, context) => appInfo(options.identity, context, options.dialogs !== undefined),
    'app.echo': ({ message }) => ({ message, receivedAt: new Date().toISOString() }),
    ...projectHandlers(store, open, new SampleProject(store, options.samplesDir)),
    ...dataHandlers(open, bus, imports),
    ...uploadHandlers(open, uploads),
    ...downloadHandlers(open),
    ...recordHandlers(open, runs),
    ...appTrainingHandlers(training, runs, open, panelRuns),
    ...modelHandlers(open, options.identity.version),
    ...insideHandlers(open, thread),
    ...panelHandlers(open, panelRuns, bus, imports),
    'dialogs.pick': async ({ kind }, context) => {
      if (!options.dialogs || context.transport !== 'ipc') {
        throw new CodedError('NOT_AVAILABLE', 'There is no native file picker here: type the path instead')
      }
      const path =
        kind === 'csvFile' ? await options.dialogs.pickCsvFile() : await options.dialogs.pickProjectFolder()
      return { path }
    },
  }
  return {
    handlers,
    bus,
    dispose: async () => {
      await runs.close(async () => {
        await training.dispose()
        await thread.dispose()
      })
      await panelRuns.close()
      await uploads.dispose()
      await open.closeAll()
      await store.closeAll()
    },
  }
}
