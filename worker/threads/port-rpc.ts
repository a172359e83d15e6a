/**
 * Calls across a worker_threads MessagePort: a run computed in a worker thread asks the main
 * thread (which owns the pool) to train a network or fit ETS and Theta, and gets the answer back,
 * with progress on the way where the call gives any. Each kind of call has its channel name, so
 * several can share one port; ids pair each answer with its call.
 */

/** The part of a worker_threads MessagePort both ends use. */
export interface RpcPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
}

type Call<Request> = { channel: string; kind: 'call'; id: number; request: Request }
type Answer<Result, Progress> =
  | { channel: string; kind: 'progress'; id: number; progress: Progress }
  | { channel: string; kind: 'done'; id: number; result: Result }
  | { channel: string; kind: 'failed'; id: number; message: string; cancelled: boolean }

const onChannel = (raw: unknown, channel: string): boolean =>
  typeof raw === 'object' && raw !== null && (raw as { channel?: unknown }).channel === channel

interface Pending<Result, Progress> {
  resolve: (result: Result) => void
  reject: (error: Error) => void
  onProgress?: (progress: Progress) => void
}

/**
 * The calling end. A failure comes back as an Error with the far end's message, or as what
 * `failure` makes of it (e.g. a cancellation the caller tells apart).
 */
export function callerOverPort<Request, Result, Progress = never>(
  port: RpcPort,
  channel: string,
  failure: (message: string, cancelled: boolean) => Error = (message) => new Error(message),
): (request: Request, onProgress?: (progress: Progress) => void) => Promise<Result> {
  let nextId = 0
  const pending = new Map<number, Pending<Result, Progress>>()
  port.on('message', (raw) => {
    if (!onChannel(raw, channel)) return
    const answer = raw as Answer<Result, Progress>
    const waiting = pending.get(answer.id)
    if (!waiting) return
    if (answer.kind === 'progress') return waiting.onProgress?.(answer.progress)
    pending.delete(answer.id)
    if (answer.kind === 'done') waiting.resolve(answer.result)
    else waiting.reject(failure(answer.message, answer.cancelled))
  })
  return (request, onProgress) =>
    new Promise<Result>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject, onProgress })
      port.postMessage({ channel, kind: 'call', id, request } satisfies Call<Request>)
    })
}

/** The answering end: every call on `channel` is handled by `handle`, which may report progress. */
export function serveOverPort<Request, Result, Progress = never>(
  port: RpcPort,
  channel: string,
  handle: (request: Request, progress: (progress: Progress) => void) => Promise<Result>,
  isCancellation: (error: unknown) => boolean = () => false,
): void {
  port.on('message', (raw) => {
    if (!onChannel(raw, channel)) return
    const call = raw as Call<Request>
    if (call.kind !== 'call') return
    const reply = (answer: Answer<Result, Progress>) => port.postMessage(answer)
    const progress = (value: Progress) => reply({ channel, kind: 'progress', id: call.id, progress: value })
    handle(call.request, progress).then(
      (result) => reply({ channel, kind: 'done', id: call.id, result }),
      (error: unknown) =>
        reply({
          channel,
          kind: 'failed',
          id: call.id,
          message: error instanceof Error ? error.message : String(error),
          cancelled: isCancellation(error),
        }),
    )
  })
}
