import { z } from 'zod'
import { defineRequest } from '../define'

export interface AppInfo {
  name: string
  version: string
  /** Which adapter carried this call: the desktop window or the loopback server. */
  transport: 'ipc' | 'websocket'
  platform: string
  nodeVersion: string
  electronVersion: string | null
  /** Cores the training pool may use by default (cores − 1, at least 1). */
  defaultWorkers: number
  /** The desktop app offers native file and folder pickers (`dialogs.pick`); the browser does not. */
  nativeDialogs: boolean
}

export const appRequests = {
  'app.info': defineRequest<AppInfo>()(
    'Name, version and runtime of the running app.',
    z.object({}).strict(),
  ),
  'app.echo': defineRequest<{ message: string; receivedAt: string }>()(
    'Round-trips a message through the API (diagnostics and tests).',
    z.object({ message: z.string().max(10_000) }).strict(),
  ),
}
