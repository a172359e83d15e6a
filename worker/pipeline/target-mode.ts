/**
 * What the network learns. 'level': the values themselves; 'seasonalResidual': the correction to
 * a seasonal-naive forecast; 'etsResidual': the correction to an ETS forecast fitted on the
 * training part (ES-RNN's idea). Listed in the order Auto tries them.
 */
export const TARGET_MODES = ['level', 'seasonalResidual', 'etsResidual'] as const
export type TargetMode = (typeof TARGET_MODES)[number]

/** Modes in which the network's outputs are corrections to a base forecast, not levels. */
export function isResidualMode(mode: TargetMode): boolean {
  return mode === 'seasonalResidual' || mode === 'etsResidual'
}

/** History the residual base reads before the first origin: a season for seasonal naive, none for ETS. */
export function baseHistory(mode: TargetMode, m: number): number {
  return mode === 'seasonalResidual' ? m : 0
}
