import type { ExportPreprocessing } from '../../../worker/export/index'
import type { ScalerJSON } from '../../../worker/statistics/index'

/**
 * The scaling recipe with this model's own numbers, in the order a consumer applies it.
 * docs/export-formats.md states the same recipe in general terms; the tests run it.
 */

const LOG_TEXT = { none: 'v', log: 'ln(v)', log1p: 'ln(1 + v)' } as const
const EXP_TEXT = { none: 'v', log: 'exp(v)', log1p: 'exp(v) − 1' } as const

function scalerText(scaler: ScalerJSON, variable: string): string {
  const inner = LOG_TEXT[scaler.log].replace('v', variable)
  return `(${inner} − ${scaler.shift}) / ${scaler.scale}`
}

function inputSteps(p: ExportPreprocessing): string[] {
  const { lag } = p.target
  const lines = [
    `Target transform: g_t = ${LOG_TEXT[p.target.log.log].replace('v', 'y_t')}.`,
    lag > 0
      ? `Differencing at lag ${lag}: d_t = g_t − g_(t−${lag}). The transformed series starts ${lag} observation(s) late: its index t is raw index t + ${lag}.`
      : 'No differencing: d_t = g_t.',
    `Scaling: z_t = ${scalerText(p.target.scale, 'd_t')}.`,
  ]
  if (p.targetMode === 'seasonalResidual')
    lines.push(`Seasonal difference channel: s_t = z_t − z_(t−${p.period}) (0 for t < ${p.period}).`)
  for (const covariate of p.pastCovariates)
    lines.push(
      `Past covariate \`${covariate.name}\`: ${scalerText(covariate.scaler, 'x_t')}, dropping its first ${lag} value(s) like the target.`,
    )
  for (const covariate of p.futureCovariates)
    lines.push(
      `Future covariate \`${covariate.name}\`: ${scalerText(covariate.scaler, 'x_t')}, dropping its first ${lag} value(s); ` +
        `input step τ carries its value at τ + ${p.outputs} (you supply values for the forecast steps; past the last supplied value the last one repeats).`,
    )
  lines.push(
    `Window: with o = length of z (forecast origin), input[0, j, :] for j = 0 … ${p.lookback - 1} describes τ = o − ${p.lookback} + j ` +
      `and holds, in this order: ${p.features.map((f) => `\`${f}\``).join(', ')}.`,
  )
  return lines
}

/** The network's share of a seasonal-residual forecast: `forecast[0, k]`, or `w × forecast[0, k]`. */
function networkTerm(p: ExportPreprocessing, k: string): string {
  const residual = p.targetMode === 'seasonalResidual' && p.residualWeight !== 1
  return residual ? `${p.residualWeight} × forecast[0, ${k}]` : `forecast[0, ${k}]`
}

function outputSteps(p: ExportPreprocessing): string[] {
  const { lag } = p.target
  const base = p.targetMode === 'seasonalResidual' ? ` + z_(o − ${p.period} + (k mod ${p.period}))` : ''
  const lines =
    p.strategy === 'direct'
      ? [
          `One call gives ${p.outputs} values: z_(o+k) = ${networkTerm(p, 'k')}${base}, k = 0 … ${p.outputs - 1}.`,
        ]
      : [
          `Recursive: each call gives one step, z_o = ${networkTerm(p, '0')}${base.replace('k mod', '0 mod')}. ` +
            'Append it to z (and its seasonal difference when there is that channel), shift the window by one step and call again, once per step.',
        ]
  lines.push(
    `Unscale: d_(o+k) = ${EXP_TEXT[p.target.scale.log].replace('v', `z_(o+k) × ${p.target.scale.scale} + ${p.target.scale.shift}`)}.`,
  )
  lines.push(
    lag > 0
      ? `Undifference: g_(n+k) = d_(o+k) + g_(n+k−${lag}), using the known g of the history where n + k − ${lag} < n (n raw observations).`
      : 'No differencing: g = d.',
  )
  lines.push(`Values: y_(n+k) = ${EXP_TEXT[p.target.log.log].replace('v', 'g_(n+k)')}.`)
  return lines
}

function intervalLines(p: ExportPreprocessing): string[] {
  const levels = p.intervals.levels
  if (levels.length === 0) return []
  const header = `| step | ${levels.map((level) => `±${level} %`).join(' | ')} |`
  const rule = `|---|${levels.map(() => '---').join('|')}|`
  const rows = Array.from({ length: p.intervals.horizon }, (_, k) => {
    const widths = levels.map((level) => {
      const width = p.intervals.halfWidths[String(level)][k]
      return width === null ? 'unbounded' : width.toPrecision(4)
    })
    return `| ${k + 1} | ${widths.join(' | ')} |`
  })
  return [
    '',
    'Prediction intervals (conformal, original units): value ± half-width of the step.',
    '',
    header,
    rule,
    ...rows,
  ]
}

const numbered = (steps: string[]) => steps.map((step, i) => `${i + 1}. ${step}`)

export function scalingSection(p: ExportPreprocessing): string[] {
  return [
    '## Scaling',
    '',
    'The network reads and writes scaled values only. Every number below is also in `preprocessing.json`',
    '(and inside the model file, key `lstm_studio.preprocessing`). Raw history y_0 … y_(n−1), oldest first:',
    '',
    '**Raw values → input**',
    '',
    ...numbered(inputSteps(p)),
    '',
    '**Output → values**',
    '',
    ...numbered(outputSteps(p)),
    ...intervalLines(p),
  ]
}
