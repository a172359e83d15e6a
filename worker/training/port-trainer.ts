import {
  TrainingCancelled,
  type Trainer,
  type TrainEpoch,
  type TrainOutcome,
  type TrainRequest,
} from './trainer'

/** The part of a worker_threads MessagePort both ends use. */
export interface TrainerPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
}

type Request = Omit<TrainRequest, 'onEpoch'>

type ToTrainer = { kind: 'train'; id: number; request: Request }
type FromTrainer =
  | { kind: 'epoch'; id: number; report: TrainEpoch }
  | { kind: 'done'; id: number; outcome: TrainOutcome }
  | { kind: 'failed'; id: number; message: string; cancelled: boolean }

/**
 * A run computed in a worker thread trains its networks on the pool owned by the main thread:
 * each request crosses this port, and the answer (or the epochs, as they end) comes back.
 */
export function trainerOverPort(port: TrainerPort): Trainer {
  let nextId = 0
  const pending = new Map<
    number,
    { resolve: (outcome: TrainOutcome) => void; reject: (error: Error) => void; request: TrainRequest }
  >()
  port.on('message', (raw) => {
    const message = raw as FromTrainer
    const waiting = pending.get(message.id)
    if (!waiting) return
    if (message.kind === 'epoch') return waiting.request.onEpoch?.(message.report)
    pending.delete(message.id)
    if (message.kind === 'done') waiting.resolve(message.outcome)
    else
      waiting.reject(message.cancelled ? new TrainingCancelled(message.message) : new Error(message.message))
  })
  return (request) =>
    new Promise<TrainOutcome>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject, request })
      const { onEpoch: _onEpoch, ...plain } = request
      port.postMessage({ kind: 'train', id, request: plain } satisfies ToTrainer)
    })
}

/** The main thread's end: every request that arrives is trained by `trainer`. */
export function serveTrainer(port: TrainerPort, trainer: Trainer): void {
  port.on('message', (raw) => {
    const message = raw as ToTrainer
    if (message.kind !== 'train') return
    const reply = (answer: FromTrainer) => port.postMessage(answer)
    const onEpoch = (report: TrainEpoch) => reply({ kind: 'epoch', id: message.id, report })
    trainer({ ...message.request, onEpoch }).then(
      (outcome) => reply({ kind: 'done', id: message.id, outcome }),
      (error: unknown) =>
        reply({
          kind: 'failed',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
          cancelled: error instanceof TrainingCancelled,
        }),
    )
  })
}
