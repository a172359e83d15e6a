import os from 'node:os'
import type { AppInfo } from '../../api/requests/app'
import type { CallContext } from '../../api/dispatch'

export interface AppIdentity {
  name: string
  version: string
  electronVersion: string | null
}

export function appInfo(identity: AppIdentity, context: CallContext, nativeDialogs: boolean): AppInfo {
  return {
    name: identity.name,
    version: identity.version,
    transport: context.transport,
    platform: `${process.platform}-${process.arch}`,
    nodeVersion: process.versions.node,
    electronVersion: identity.electronVersion,
    defaultWorkers: defaultWorkerCount(),
    nativeDialogs: nativeDialogs && context.transport === 'ipc',
  }
}

/** One core stays free for the window and the main event loop. */
export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  return Math.max(1, cores - 1)
}
