import { difference, undifference } from './differencing'
import { Scaler, type LogKind, type ScalerJSON, type ScalingKind } from './scaler'

/**
 * The full target pipeline, in this order: optional log → optional first/seasonal differencing →
 * z-score/min-max/none, every statistic fitted on the training values only. Forecasts made on the
 * transformed scale are mapped back with `inverseForecast`, which cumulates differences from the
 * last known values of the history (so it is exact for point paths; see differencing.ts for intervals).
 */

export type DifferencingKind = 'none' | 'first' | 'seasonal'

export interface TargetTransformConfig {
  kind: ScalingKind
  log?: LogKind
  difference?: DifferencingKind
  /** Seasonal period, required for seasonal differencing. */
  period?: number
}

export interface TargetTransformJSON {
  log: ScalerJSON
  lag: number
  scale: ScalerJSON
}

function lagFor(config: TargetTransformConfig): number {
  if (!config.difference || config.difference === 'none') return 0
  if (config.difference === 'first') return 1
  const period = config.period ?? 0
  if (!Number.isInteger(period) || period < 2)
    throw new RangeError(`seasonal differencing needs a period ≥ 2, got ${period}`)
  return period
}

export class TargetTransform {
  private constructor(
    private readonly logStep: Scaler,
    /** 0 = no differencing. */
    readonly lag: number,
    private readonly scaleStep: Scaler,
  ) {}

  static fit(train: ArrayLike<number>, config: TargetTransformConfig): TargetTransform {
    const lag = lagFor(config)
    if (train.length <= lag + 1)
      throw new RangeError(`need more than ${lag + 1} training values to difference at lag ${lag}`)
    const logStep = Scaler.fit(train, { kind: 'none', log: config.log ?? 'none' })
    const logged = logStep.transform(train)
    const differenced = lag > 0 ? difference(logged, lag) : logged
    return new TargetTransform(logStep, lag, Scaler.fit(differenced, { kind: config.kind }))
  }

  static fromJSON(json: TargetTransformJSON): TargetTransform {
    return new TargetTransform(Scaler.fromJSON(json.log), json.lag, Scaler.fromJSON(json.scale))
  }

  toJSON(): TargetTransformJSON {
    return { log: this.logStep.toJSON(), lag: this.lag, scale: this.scaleStep.toJSON() }
  }

  /** Transformed values; with differencing the result is `lag` shorter (it starts at index lag). */
  transform(values: ArrayLike<number>): Float64Array {
    const logged = this.logStep.transform(values)
    return this.scaleStep.transform(this.lag > 0 ? difference(logged, this.lag) : logged)
  }

  /** Original-scale values for a forecast made on the transformed scale right after `history`. */
  inverseForecast(transformed: ArrayLike<number>, history: ArrayLike<number>): Float64Array {
    const unscaled = this.scaleStep.inverse(transformed)
    const logged = this.lag > 0 ? undifference(unscaled, this.logStep.transform(history), this.lag) : unscaled
    return this.logStep.inverse(logged)
  }
}
