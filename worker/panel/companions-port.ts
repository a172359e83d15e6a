import type { TrainerPort } from '../training/port-trainer'
import type { CompanionForecasts, CompanionWorkers, EtsVariant } from './companion-forecasts'

/**
 * A panel run computed in a worker thread fits its ETS and Theta on the pool owned by the main
 * thread, as its networks train there: each request crosses this port and the forecasts come back.
 */

type ToCompanions = {
  kind: 'companions'
  id: number
  histories: Float64Array[]
  period: number
  horizon: number
  variant: EtsVariant
}
type FromCompanions =
  | { kind: 'done'; id: number; forecasts: CompanionForecasts }
  | { kind: 'failed'; id: number; message: string }

export function companionsOverPort(port: TrainerPort): CompanionWorkers {
  let nextId = 0
  const pending = new Map<number, { resolve: (f: CompanionForecasts) => void; reject: (e: Error) => void }>()
  port.on('message', (raw) => {
    const message = raw as FromCompanions
    const waiting = pending.get(message.id)
    if (!waiting) return
    pending.delete(message.id)
    if (message.kind === 'done') waiting.resolve(message.forecasts)
    else waiting.reject(new Error(message.message))
  })
  return (histories, period, horizon, variant) =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      port.postMessage({
        kind: 'companions',
        id,
        histories: [...histories],
        period,
        horizon,
        variant,
      } satisfies ToCompanions)
    })
}

/** The main thread's end: every request is computed by `workers` (the pool). */
export function serveCompanions(port: TrainerPort, workers: CompanionWorkers): void {
  port.on('message', (raw) => {
    const message = raw as ToCompanions
    if (message.kind !== 'companions') return
    workers(message.histories, message.period, message.horizon, message.variant).then(
      (forecasts) => port.postMessage({ kind: 'done', id: message.id, forecasts } satisfies FromCompanions),
      (error: unknown) =>
        port.postMessage({
          kind: 'failed',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        } satisfies FromCompanions),
    )
  })
}
