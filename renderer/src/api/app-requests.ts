import type { z } from 'zod'
import type { RequestArgs, RequestName, RequestResult } from '../../../electron/api/contract'
import type { RequestDefinition } from '../../../electron/api/define'
import type { modelRequests } from '../../../electron/api/requests/models'
import type { trainingRequests } from '../../../electron/api/requests/training'

/**
 * Requests the screens use whose definitions exist but may not be merged into the contract
 * yet (training, models). Typing them from their own files lets the renderer be written
 * against them now; once the contract includes them this union changes nothing.
 */
type Pending = typeof trainingRequests & typeof modelRequests
type PendingName = Exclude<keyof Pending, RequestName>

export type AppRequestName = RequestName | PendingName

type PendingSchema<N extends PendingName> = Pending[N] extends RequestDefinition<infer A, unknown> ? A : never
type PendingResult<N extends PendingName> =
  Pending[N] extends RequestDefinition<z.ZodType, infer R> ? R : never

export type AppRequestArgs<N extends AppRequestName> = N extends RequestName
  ? RequestArgs<N>
  : N extends PendingName
    ? z.input<PendingSchema<N>>
    : never

export type AppRequestResult<N extends AppRequestName> = N extends RequestName
  ? RequestResult<N>
  : N extends PendingName
    ? PendingResult<N>
    : never
