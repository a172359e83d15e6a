import { autoEts, seasonalNaiveBase } from '../statistics/index'
import { etsPointForecast, etsUpdate } from '../statistics/ets/filter'
import { fixEts, type FixedEts } from '../statistics/ets/fixed-ets'
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
 * Walks a column forward once, so that the base's forecasts from many increasing origins cost one
 * pass over the history (an ETS state update per value) instead of one pass per origin.
 */
export class BaseCursor {
  private readonly state: Float64Array | null
  private position = 0

  /** `prefix` is the history before the column's index 0 (a local window cut from a longer series). */
  constructor(
    private readonly base: ResidualBase,
    prefix?: { values: ArrayLike<number>; end: number },
  ) {
    this.state = base.kind === 'ets' ? Float64Array.from(base.model.initialState) : null
    if (prefix && this.state) this.advance(this.state, prefix.values, 0, prefix.end)
  }

  /** Forecasts for the `steps` steps after values[0, origin); origins must not go backwards. */
  forecast(values: ArrayLike<number>, origin: number, steps: number): Float64Array {
    if (this.base.kind === 'seasonalNaive') return seasonalNaiveBase(values, origin - 1, steps, this.base.m)
    if (origin < this.position) throw new RangeError('a base cursor only moves forward')
    const { model } = this.base
    this.advance(this.state!, values, this.position, origin)
    this.position = origin
    return etsPointForecast(this.state!, model.spec, model.m, model.params.phi, steps)
  }

  private advance(state: Float64Array, values: ArrayLike<number>, from: number, to: number): void {
    if (this.base.kind !== 'ets') return
    const { model } = this.base
    for (let t = from; t < to; t++) etsUpdate(state, model.spec, model.m, model.params, values[t])
  }
}

/** The base's forecasts for `steps` steps after one origin. */
export function baseForecast(
  base: ResidualBase,
  z: ArrayLike<number>,
  origin: number,
  steps: number,
): Float64Array {
  return new BaseCursor(base).forecast(z, origin, steps)
}
