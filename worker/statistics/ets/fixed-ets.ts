import { etsPointForecast, etsUpdate } from './filter'
import type { EtsFit } from './fit-model'
import { stateSize, type EtsSpec, type SmoothingParams } from './spec'

/**
 * An ETS model whose parameters and initial state were estimated once, on a training part.
 * It forecasts from any later origin by running its recursions through the history before it,
 * without estimating anything again: the statistical companion of a network, which likewise is
 * trained once and then reads whatever history comes before its origin.
 */
export interface FixedEts {
  spec: EtsSpec
  m: number
  params: SmoothingParams
  /** State before the first observation of the series it was fitted on: [l0, b0?, s_1..s_m]. */
  initialState: number[]
}

export function fixEts(fit: EtsFit): FixedEts {
  return { spec: fit.spec, m: fit.m, params: fit.params, initialState: Array.from(fit.initialState) }
}

/**
 * A fixed ETS model's state walked forward through a history, one observation at a time: forecasts
 * from many increasing origins then cost one pass over the history instead of one pass each.
 */
export class FixedEtsWalk {
  private readonly state: Float64Array

  constructor(private readonly model: FixedEts) {
    this.state = Float64Array.from(model.initialState)
  }

  /** Runs the recursions over values[from, to). */
  observe(values: ArrayLike<number>, from: number, to: number): this {
    const { spec, m, params } = this.model
    for (let t = from; t < to; t++) etsUpdate(this.state, spec, m, params, values[t])
    return this
  }

  /** Point forecasts for the `h` steps after everything observed so far. */
  forecast(h: number): Float64Array {
    return etsPointForecast(this.state, this.model.spec, this.model.m, this.model.params.phi, h)
  }
}

/** Point forecasts for `h` steps after `history`, which starts where the fitted data started. */
export function fixedEtsForecast(model: FixedEts, history: ArrayLike<number>, h: number): Float64Array {
  return new FixedEtsWalk(model).observe(history, 0, history.length).forecast(h)
}

const ERRORS = new Set(['A', 'M'])
const TRENDS = new Set(['N', 'A', 'Ad'])
const SEASONS = new Set(['N', 'A', 'M'])

/** Throws a RangeError naming what is wrong with a companion read from a model file. */
export function checkFixedEts(value: unknown): asserts value is FixedEts {
  const model = value as Partial<FixedEts> | null
  const spec = model?.spec
  if (!spec || !ERRORS.has(spec.error) || !TRENDS.has(spec.trend) || !SEASONS.has(spec.season))
    throw new RangeError('the ETS companion names no valid model (error, trend, season)')
  if (!Number.isInteger(model.m) || model.m! < 1)
    throw new RangeError('the ETS companion has no seasonal period')
  const params = model.params
  if (!params || !Number.isFinite(params.alpha) || !Number.isFinite(params.phi))
    throw new RangeError('the ETS companion has no smoothing parameters')
  const stateLength = stateSize(spec, model.m!)
  const initial = model.initialState
  if (!Array.isArray(initial) || initial.length !== stateLength || !initial.every(Number.isFinite))
    throw new RangeError(`the ETS companion's initial state must hold ${stateLength} numbers`)
}
