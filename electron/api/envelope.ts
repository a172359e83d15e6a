import type { ApiErrorPayload } from './errors'

/**
 * Wire shapes shared by both adapters. Over Electron IPC the request is the pair
 * (name, args) and the reply is a Reply; over the WebSocket every frame is one of these
 * JSON objects. Keeping one shape means one client implementation per transport.
 */
export interface RequestMessage {
  type: 'request'
  id: number
  name: string
  args: unknown
}

export type Reply<R = unknown> = { ok: true; result: R } | { ok: false; error: ApiErrorPayload }

export type ReplyMessage<R = unknown> = { type: 'reply'; id: number } & Reply<R>

export interface EventMessage<P = unknown> {
  type: 'event'
  name: string
  payload: P
}

export type ServerMessage = ReplyMessage | EventMessage
