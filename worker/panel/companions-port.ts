import { callerOverPort, serveOverPort, type RpcPort } from '../threads/port-rpc'
import type { CompanionForecasts, CompanionWorkers, EtsVariant } from './companion-forecasts'

/**
 * A panel run computed in a worker thread fits its ETS and Theta on the pool owned by the main
 * thread, as its networks train there: each request crosses the port (port-rpc.ts) and the
 * forecasts come back.
 */

interface CompanionsRequest {
  histories: Float64Array[]
  period: number
  horizon: number
  variant: EtsVariant
}
const CHANNEL = 'companions'

export function companionsOverPort(port: RpcPort): CompanionWorkers {
  const call = callerOverPort<CompanionsRequest, CompanionForecasts>(port, CHANNEL)
  return (histories, period, horizon, variant) =>
    call({ histories: [...histories], period, horizon, variant })
}

/** The main thread's end: every request is computed by `workers` (the pool). */
export function serveCompanions(port: RpcPort, workers: CompanionWorkers): void {
  serveOverPort<CompanionsRequest, CompanionForecasts>(port, CHANNEL, (r) =>
    workers(r.histories, r.period, r.horizon, r.variant),
  )
}
