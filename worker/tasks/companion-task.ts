import { companionForecasts, type CompanionForecasts, type EtsVariant } from '../panel/companion-forecasts'

/** One chunk of a panel's series whose ETS and Theta a pool thread fits (companions-on-pool.ts). */
export interface CompanionTask {
  histories: Float64Array[]
  period: number
  horizon: number
  variant: EtsVariant
}

export function companions(task: CompanionTask): CompanionForecasts {
  return companionForecasts(task.histories, task.period, task.horizon, task.variant)
}
