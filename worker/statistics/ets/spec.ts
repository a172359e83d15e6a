/**
 * ETS (error, trend, seasonal) model vocabulary, in the notation of Hyndman et al. (2008) and
 * R's forecast::ets. State vector layout (as in R's C code): [level, trend?, s_1..s_m] where
 * s_m is the seasonal term applied to the next observation and s_1 the one just updated.
 */

export type ErrorType = 'A' | 'M'
export type TrendType = 'N' | 'A' | 'Ad'
export type SeasonType = 'N' | 'A' | 'M'

export interface EtsSpec {
  error: ErrorType
  trend: TrendType
  season: SeasonType
}

export interface SmoothingParams {
  alpha: number
  /** Present when the model has a trend. */
  beta?: number
  /** Present when the model is seasonal. */
  gamma?: number
  /** Damping, present for damped trends; 1 otherwise. */
  phi: number
}

export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`
}

export function hasTrend(spec: EtsSpec): boolean {
  return spec.trend !== 'N'
}

export function isSeasonal(spec: EtsSpec): boolean {
  return spec.season !== 'N'
}

/** Length of the state vector for seasonal period m. */
export function stateSize(spec: EtsSpec, m: number): number {
  return 1 + (hasTrend(spec) ? 1 : 0) + (isSeasonal(spec) ? m : 0)
}

/**
 * Free parameters estimated by likelihood: smoothing parameters plus initial states, with one
 * seasonal state fixed by normalisation (seasonal terms sum to 0, or to m when multiplicative).
 */
export function freeParameterCount(spec: EtsSpec, m: number): number {
  const smoothing = 1 + (hasTrend(spec) ? 1 : 0) + (isSeasonal(spec) ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0)
  const initial = 1 + (hasTrend(spec) ? 1 : 0) + (isSeasonal(spec) ? m - 1 : 0)
  return smoothing + initial
}

/** The fewest observations `spec` is fitted to: more than its free parameters + 4, as R's ets() asks. */
export function minimumObservations(spec: EtsSpec, m: number): number {
  return freeParameterCount(spec, m) + 5
}

/**
 * The candidates R's ets() searches by default (restrict = TRUE, no multiplicative trend):
 * additive error never meets multiplicative seasonality (numerically unstable), multiplicative
 * error needs strictly positive data, seasonal models need 1 < m ≤ 24.
 */
export function candidateSpecs(options: { positive: boolean; seasonal: boolean }): EtsSpec[] {
  const specs: EtsSpec[] = []
  const errors: ErrorType[] = options.positive ? ['A', 'M'] : ['A']
  const trends: TrendType[] = ['N', 'A', 'Ad']
  const seasons: SeasonType[] = options.seasonal ? ['N', 'A', 'M'] : ['N']
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue
        specs.push({ error, trend, season })
      }
    }
  }
  return specs
}
