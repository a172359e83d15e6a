import type { WebSocket } from 'ws'
import type { Dispatcher } from '../api/dispatch'
import type { EventMessage, ReplyMessage, RequestMessage } from '../api/envelope'
import type { EventBus } from '../services/event-bus'

/**
 * The WebSocket half of the API: one JSON frame per request, reply or event. Everything
 * a client sends is untrusted; a frame that is not a well-formed request gets a
 * MALFORMED_MESSAGE reply and the connection stays usable.
 */
export function attachApiSocket(socket: WebSocket, dispatch: Dispatcher, bus: EventBus): void {
  const unsubscribe = bus.subscribe((name, payload) => {
    if (socket.readyState !== socket.OPEN) return
    const message: EventMessage = { type: 'event', name, payload }
    socket.send(JSON.stringify(message))
  })
  socket.on('close', unsubscribe)
  socket.on('error', unsubscribe)
  socket.on('message', (data, isBinary) => {
    void handleFrame(isBinary ? null : data.toString(), dispatch).then((reply) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply))
    })
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
