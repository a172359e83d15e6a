import type { DiagramValues } from './trace-data'

/** One line of the course's equations: the formula, the same with this unit's numbers, the result. */
export interface EquationRow {
  key: string
  formula: string
  numbers: string | null
  result: number
}

/** Notation is the same in English and French; only the numbers follow the locale. */
export function equationRows(values: DiagramValues, format: (value: number) => string): EquationRow[] {
  const n = (value: number) => (value < 0 ? `(${format(value)})` : format(value))
  if (values.cell === 'lstm') {
    const { f, i, g, o, cPrev, c, h } = values
    return [
      { key: 'f', formula: 'fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)', numbers: null, result: f },
      { key: 'i', formula: 'iₜ = σ(W_i·[hₜ₋₁, xₜ] + b_i)', numbers: null, result: i },
      { key: 'g', formula: 'c̃ₜ = tanh(W_c·[hₜ₋₁, xₜ] + b_c)', numbers: null, result: g },
      {
        key: 'c',
        formula: 'cₜ = fₜ·cₜ₋₁ + iₜ·c̃ₜ',
        numbers: `${n(f)}·${n(cPrev)} + ${n(i)}·${n(g)}`,
        result: c,
      },
      { key: 'o', formula: 'oₜ = σ(W_o·[hₜ₋₁, xₜ] + b_o)', numbers: null, result: o },
      { key: 'h', formula: 'hₜ = oₜ·tanh(cₜ)', numbers: `${n(o)}·tanh(${format(c)})`, result: h },
    ]
  }
  if (values.cell === 'gru') {
    const { r, z, n: candidate, hPrev, h } = values
    return [
      { key: 'r', formula: 'rₜ = σ(W_r·[hₜ₋₁, xₜ] + b_r)', numbers: null, result: r },
      { key: 'z', formula: 'zₜ = σ(W_z·[hₜ₋₁, xₜ] + b_z)', numbers: null, result: z },
      {
        key: 'n',
        formula: 'nₜ = tanh(W_n·xₜ + b_n + rₜ·(U_n·hₜ₋₁ + b_hn))',
        numbers: null,
        result: candidate,
      },
      {
        key: 'h',
        formula: 'hₜ = (1 − zₜ)·nₜ + zₜ·hₜ₋₁',
        numbers: `(1 − ${n(z)})·${n(candidate)} + ${n(z)}·${n(hPrev)}`,
        result: h,
      },
    ]
  }
  return [
    { key: 'pre', formula: 'aₜ = W·xₜ + U·hₜ₋₁ + b', numbers: null, result: values.pre },
    { key: 'h', formula: 'hₜ = tanh(aₜ)', numbers: `tanh(${format(values.pre)})`, result: values.h },
  ]
}
