/**
 * Per-column value transform fitted on the training part only: optional log, then z-score,
 * min-max or identity. Every step is monotone increasing, so `inverse` maps point forecasts and
 * interval bounds (quantiles) alike; note that the inverse of a log-scale mean is a median.
 *
 * Log flavours: 'log' refuses non-positive values (there is no honest log of them); 'log1p'
 * computes log(1 + y) and accepts y > −1, the usual choice for counts with zeros.
 */

export type ScalingKind = 'zscore' | 'minmax' | 'none'
export type LogKind = 'none' | 'log' | 'log1p'

export interface ScalerConfig {
  kind: ScalingKind
  log?: LogKind
}

export interface ScalerJSON {
  kind: ScalingKind
  log: LogKind
  /** y' = (g(y) − shift) / scale, g the log transform. */
  shift: number
  scale: number
}

function logForward(kind: LogKind, v: number): number {
  if (kind === 'log') {
    if (!(v > 0))
      throw new RangeError(`log transform needs strictly positive values, got ${v}; use log1p or no log`)
    return Math.log(v)
  }
  if (kind === 'log1p') {
    if (!(v > -1)) throw new RangeError(`log1p transform needs values above −1, got ${v}`)
    return Math.log1p(v)
  }
  return v
}

function logInverse(kind: LogKind, v: number): number {
  if (kind === 'log') return Math.exp(v)
  if (kind === 'log1p') return Math.expm1(v)
  return v
}

export class Scaler {
  private constructor(private readonly state: ScalerJSON) {}

  /** Fits on `train` (the training part only; never pass validation or test values). */
  static fit(train: ArrayLike<number>, config: ScalerConfig): Scaler {
    const log = config.log ?? 'none'
    if (train.length === 0) throw new RangeError('Scaler.fit: empty training data')
    const g = Array.from(train, (v) => logForward(log, v))
    let shift = 0
    let scale = 1
    if (config.kind === 'zscore') {
      shift = g.reduce((a, b) => a + b, 0) / g.length
      const variance = g.reduce((a, b) => a + (b - shift) ** 2, 0) / g.length
      scale = Math.sqrt(variance)
    } else if (config.kind === 'minmax') {
      shift = Math.min(...g)
      scale = Math.max(...g) - shift
    }
    // A constant training column would divide by zero; leave it centred but unscaled.
    if (!(scale > 0)) scale = 1
    return new Scaler({ kind: config.kind, log, shift, scale })
  }

  static fromJSON(json: ScalerJSON): Scaler {
    if (!(json.scale > 0) || !Number.isFinite(json.shift))
      throw new RangeError('Scaler.fromJSON: invalid shift/scale')
    return new Scaler({ ...json })
  }

  toJSON(): ScalerJSON {
    return { ...this.state }
  }

  transformValue(v: number): number {
    return (logForward(this.state.log, v) - this.state.shift) / this.state.scale
  }

  inverseValue(v: number): number {
    return logInverse(this.state.log, v * this.state.scale + this.state.shift)
  }

  transform(values: ArrayLike<number>): Float64Array {
    return Float64Array.from(values, (v) => this.transformValue(v))
  }

  inverse(values: ArrayLike<number>): Float64Array {
    return Float64Array.from(values, (v) => this.inverseValue(v))
  }
}
