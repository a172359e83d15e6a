import type { WebSocket } from 'ws'
import type { Dispatcher } from '../api/dispatch'
import type { EventMessage, ReplyMessage, RequestMessage } from '../api/envelope'
import type { EventBus } from '../services/event-bus'
import { CLOSE_POLICY_VIOLATION } from './limits'

export interface SocketLimits {
  /** Unread bytes queued for this client beyond which it is dropped (see limits.ts). */
  maxBufferedBytes: number
}

/**
 * The WebSocket half of the API: one JSON frame per request, reply or event. Everything
 * a client sends is untrusted; a frame that is not a well-formed request gets a
 * MALFORMED_MESSAGE reply and the connection stays usable. A client that stops reading
 * is closed (1008) once its unread messages pass the limit, instead of growing the
 * server's memory with every event.
 */
export function attachApiSocket(
  socket: WebSocket,
  dispatch: Dispatcher,
  bus: EventBus,
  limits: SocketLimits,
): void {
  const send = (message: EventMessage | ReplyMessage) => {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > limits.maxBufferedBytes) return dropSlowReader()
    socket.send(JSON.stringify(message))
  }
  const unsubscribe = bus.subscribe((name, payload) => send({ type: 'event', name, payload }))
  const dropSlowReader = () => {
    unsubscribe()
    const kib = Math.ceil(limits.maxBufferedBytes / 1024)
    socket.close(CLOSE_POLICY_VIOLATION, `client not reading: over ${kib} KiB of messages wait unread`)
  }
  socket.on('close', unsubscribe)
  socket.on('error', unsubscribe)
  socket.on('message', (data, isBinary) => {
    void handleFrame(isBinary ? null : data.toString(), dispatch).then(send)
  })
}

async function handleFrame(text: string | null, dispatch: Dispatcher): Promise<ReplyMessage> {
  const request = text === null ? null : parseRequest(text)
  if (request === null) {
    return {
      type: 'reply',
      id: -1,
      ok: false,
      error: {
        code: 'MALFORMED_MESSAGE',
        message: 'Expected a JSON request {type:"request", id, name, args}',
      },
    }
  }
  const reply = await dispatch(request.name, request.args, { transport: 'websocket' })
  return { type: 'reply', id: request.id, ...reply }
}

function parseRequest(text: string): RequestMessage | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const candidate = value as Partial<RequestMessage>
  if (
    candidate.type !== 'request' ||
    !Number.isSafeInteger(candidate.id) ||
    typeof candidate.name !== 'string'
  ) {
    return null
  }
  return { type: 'request', id: candidate.id as number, name: candidate.name, args: candidate.args }
}
