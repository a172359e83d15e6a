import type { z } from 'zod'
import type { RequestDefinition } from './define'
import { appRequests } from './requests/app'
import { dataRequests } from './requests/data'
import { downloadRequests } from './requests/downloads'
import { dialogRequests } from './requests/dialogs'
import { insideRequests } from './requests/inside'
import { modelRequests } from './requests/models'
import { panelRequests } from './requests/panel'
import { projectRequests } from './requests/projects'
import { recordRequests } from './requests/records'
import { trainingRequests } from './requests/training'
import { autoTrainingRequests } from './requests/training-auto'
import { uploadRequests } from './requests/uploads'
import type { EventMap } from './events'

/**
 * The one API contract of LSTM Studio. Requests are namespaced (`app.*`,
 * `projects.*`, `data.*`, `training.*`, …); each namespace lives in `requests/` and is
 * merged here. Both adapters (Electron IPC, loopback WebSocket) and the renderer's client
 * are generic over this object, so adding a request is adding one entry.
 */
export const requests = {
  ...appRequests,
  ...trainingRequests,
  ...autoTrainingRequests,
  ...projectRequests,
  ...recordRequests,
  ...dataRequests,
  ...uploadRequests,
  ...modelRequests,
  ...insideRequests,
  ...dialogRequests,
  ...panelRequests,
  ...downloadRequests,
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests

type DefinitionOf<N extends RequestName> = Requests[N]
type SchemaOf<N extends RequestName> = DefinitionOf<N> extends RequestDefinition<infer A, unknown> ? A : never

/** What a caller passes (before defaults are applied). */
export type RequestArgs<N extends RequestName> = z.input<SchemaOf<N>>
/** What a handler receives (validated, defaults applied). */
export type ValidatedArgs<N extends RequestName> = z.output<SchemaOf<N>>
export type RequestResult<N extends RequestName> =
  DefinitionOf<N> extends RequestDefinition<z.ZodType, infer R> ? R : never

export type EventName = keyof EventMap
export type EventPayload<E extends EventName> = EventMap[E]

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name)
}

export type { EventMap }
