import { maxRootModulus } from './polynomial-roots'
import type { SmoothingParams } from './spec'

/**
 * R ets()'s default bounds = "both": the usual region 1e-4 ≤ β ≤ α ≤ 0.9999, γ ≤ 1 − α,
 * 0.8 ≤ φ ≤ 0.98, intersected with the admissible (forecastable) region of the state space model.
 */
export const LOWER = { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 }
export const UPPER = { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 }

function withinUsualBounds(p: SmoothingParams, damped: boolean): boolean {
  if (p.alpha < LOWER.alpha || p.alpha > UPPER.alpha) return false
  if (p.beta !== undefined && (p.beta < LOWER.beta || p.beta > p.alpha || p.beta > UPPER.beta)) return false
  if (damped && (p.phi < LOWER.phi || p.phi > UPPER.phi)) return false
  if (p.gamma !== undefined && (p.gamma < LOWER.gamma || p.gamma > 1 - p.alpha || p.gamma > UPPER.gamma))
    return false
  return true
}

/** The forecastability conditions of Hyndman et al. (2008, ch. 10), as coded in R's admissible(). */
function admissible(p: SmoothingParams, m: number): boolean {
  const { alpha, phi } = p
  if (phi < 0 || phi > 1 + 1e-8) return false
  if (p.gamma === undefined) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false
    if (p.beta !== undefined && (p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha))) return false
    return true
  }
  if (m <= 1) return true
  const beta = p.beta ?? 0
  const gamma = p.gamma
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false
  const middle = alpha + beta - alpha * phi
  const coefficients = [phi * (1 - alpha - gamma), middle + gamma - 1]
  for (let i = 0; i < m - 2; i++) coefficients.push(middle)
  coefficients.push(alpha + beta - phi, 1)
  return maxRootModulus(coefficients) <= 1 + 1e-10
}

export function parametersAllowed(p: SmoothingParams, damped: boolean, m: number): boolean {
  return withinUsualBounds(p, damped) && admissible(p, m)
}
