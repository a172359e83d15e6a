import { autoEts, seasonalNaiveBase } from '../statistics/index'
import { fixEts, FixedEtsWalk, type FixedEts } from '../statistics/ets/fixed-ets'
import type { PipelineState } from './types'

/**
 * The forecast a residual network corrects. In 'seasonalResidual' mode it is seasonal naive; in
 * 'etsResidual' mode it is an ETS model fitted once on the target's training part on the
 * network's scale (the ES-RNN idea that won M4: exponential smoothing carries level, trend and
 * season, and the network learns what is left). Both read only values before the origin.
 */
export type ResidualBase = { kind: 'seasonalNaive'; m: number } | { kind: 'ets'; model: FixedEts }

/** Fits the ETS base on a target's training part (z scale); throws when no ETS model can be fitted. */
export function fitEtsBase(zTrain: ArrayLike<number>, m: number): FixedEts {
  return fixEts(autoEts(zTrain, m).best)
}

/** Each target's base in the state's order, or null in level mode. */
export function residualBasesOf(
  state: Pick<PipelineState, 'config' | 'period' | 'targets'>,
): (ResidualBase | null)[] {
  return state.targets.map((target) => {
    if (state.config.targetMode === 'seasonalResidual') return { kind: 'seasonalNaive', m: state.period }
    if (state.config.targetMode !== 'etsResidual') return null
    if (!target.etsBase)
      throw new RangeError(`target "${target.name}" has no ETS base for the ETS-residual mode`)
    return { kind: 'ets', model: target.etsBase }
  })
}

/**
 * The base's forecasts from increasing origins of one column. For ETS it walks the column forward
 * once (FixedEtsWalk), so many origins cost one pass over the history instead of one pass each.
 */
export class BaseCursor {
  private readonly walk: FixedEtsWalk | null
  private position = 0

  /** `prefix` is the history before the column's index 0 (a local window cut from a longer series). */
  constructor(
    private readonly base: ResidualBase,
    prefix?: { values: ArrayLike<number>; end: number },
  ) {
    this.walk = base.kind === 'ets' ? new FixedEtsWalk(base.model) : null
    if (prefix && this.walk) this.walk.observe(prefix.values, 0, prefix.end)
  }

  /** Forecasts for the `steps` steps after values[0, origin); origins must not go backwards. */
  forecast(values: ArrayLike<number>, origin: number, steps: number): Float64Array {
    if (this.base.kind === 'seasonalNaive') return seasonalNaiveBase(values, origin - 1, steps, this.base.m)
    if (origin < this.position) throw new RangeError('a base cursor only moves forward')
    this.walk!.observe(values, this.position, origin)
    this.position = origin
    return this.walk!.forecast(steps)
  }
}

/**
 * The base's forecasts for `steps` steps after each origin, in the origins' order. Increasing
 * origins share one cursor; an origin before the previous one starts a new walk.
 */
export function baseForecasts(
  base: ResidualBase,
  z: ArrayLike<number>,
  origins: ArrayLike<number>,
  steps: number,
): Float64Array[] {
  let cursor = new BaseCursor(base)
  return Array.from({ length: origins.length }, (_, i) => {
    if (i > 0 && origins[i] < origins[i - 1]) cursor = new BaseCursor(base)
    return cursor.forecast(z, origins[i], steps)
  })
}
