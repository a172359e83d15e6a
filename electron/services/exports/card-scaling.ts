import type { ExportPreprocessing, TargetDescription } from '../../../worker/export/index'
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

/** Every target is differenced at the same lag (they share the transform settings). */
function lagOf(p: ExportPreprocessing): number {
  return p.targets[0]?.transform.lag ?? 0
}

function targetInput({ name, transform }: TargetDescription): string {
  const log = LOG_TEXT[transform.log.log].replace('v', 'y_t')
  return `Target \`${name}\`: g_t = ${log}; z_t = ${scalerText(transform.scale, 'd_t')}.`
}

function inputSteps(p: ExportPreprocessing): string[] {
  const lag = lagOf(p)
  const lines = [
    lag > 0
      ? `Each target y: its log step gives g, differencing at lag ${lag} d_t = g_t − g_(t−${lag}), its scaling z. The transformed series start ${lag} observation(s) late: index t is raw index t + ${lag}.`
      : 'Each target y: its log step gives g, no differencing (d_t = g_t), its scaling z.',
    ...p.targets.map(targetInput),
  ]
  if (p.targetMode !== 'level')
    lines.push(
      `Seasonal difference channel of each target: s_t = z_t − z_(t−${p.period}) (0 for t < ${p.period}).`,
    )
  for (const covariate of p.pastCovariates)
    lines.push(
      `Past covariate \`${covariate.name}\`: ${scalerText(covariate.scaler, 'x_t')}, dropping its first ${lag} value(s) like the targets.`,
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

/** What a residual network's output is added to, on the z scale. */
function baseText(p: ExportPreprocessing): string {
  if (p.targetMode === 'seasonalResidual') return ` + z_(o − ${p.period} + (k mod ${p.period}))`
  if (p.targetMode === 'etsResidual')
    return " + e_k (the k-step forecast of the target's `etsBase`, an ETS model on z run over z from its first value)"
  return ''
}

/** Where target t's step k sits in the head's output, with the residual share when there is one. */
function networkTerm(p: ExportPreprocessing, t: number, k: string): string {
  const index = t === 0 ? k : `${t * p.outputs} + ${k}`
  const residual = p.targetMode !== 'level' && p.residualWeight !== 1
  return residual ? `${p.residualWeight} × forecast[0, ${index}]` : `forecast[0, ${index}]`
}

function targetOutput(p: ExportPreprocessing, { name, transform }: TargetDescription, t: number): string {
  const base = baseText(p)
  const z =
    p.strategy === 'direct'
      ? `z_(o+k) = ${networkTerm(p, t, 'k')}${base}`
      : `z_o = ${networkTerm(p, t, '0')}${base.replace('k mod', '0 mod').replace('e_k (the k-step', 'e_1 (the one-step')}`
  const scale = transform.scale
  const unscale = EXP_TEXT[scale.log].replace('v', `z_(o+k) × ${scale.scale} + ${scale.shift}`)
  const unlog = EXP_TEXT[transform.log.log].replace('v', 'g_(n+k)')
  return `Target \`${name}\`: ${z}; d_(o+k) = ${unscale}; y_(n+k) = ${unlog}.`
}

function outputSteps(p: ExportPreprocessing): string[] {
  const lag = lagOf(p)
  return [
    p.strategy === 'direct'
      ? `One call gives ${p.outputs} values per target, target-major (k = 0 … ${p.outputs - 1}).`
      : 'Recursive: each call gives one step per target. Append each to its z (and its seasonal difference when there is that channel), shift the window by one step and call again, once per step.',
    ...p.targets.map((target, t) => targetOutput(p, target, t)),
    lag > 0
      ? `Undifference each target: g_(n+k) = d_(o+k) + g_(n+k−${lag}), using the known g of the history where n + k − ${lag} < n (n raw observations).`
      : 'No differencing: g = d.',
    ...combinationLines(p),
    ...floorLines(p),
  ]
}

/** Targets never below a value in training get no forecast below it (predict.ts). */
function floorLines(p: ExportPreprocessing): string[] {
  return p.targets
    .filter((target) => target.lowerBound !== undefined)
    .map(
      ({ name, lowerBound }) =>
        `Forecasts of \`${name}\` below ${lowerBound} are raised to ${lowerBound} (the series was never below it).`,
    )
}

/** The combination with ETS and Theta, where Auto kept one (docs/export-formats.md has the recipe). */
function combinationLines(p: ExportPreprocessing): string[] {
  const w = p.combination
  if (!w || w.network === 1) return []
  const share = (value: number) => Number(value.toFixed(4))
  return [
    `Combine: forecast = ${share(w.network)} × y + ${share(w.ets)} × ETS + ${share(w.theta)} × Theta, each companion of the ` +
      'target (`companions` in the description: parameters fixed on the training part) run over the raw history from its first value, as docs/export-formats.md describes.',
  ]
}

/** Whether the target's intervals are averaged with its ETS companion's (target-intervals.ts). */
function averagesWithEts(p: ExportPreprocessing, target: TargetDescription): boolean {
  return (p.combination?.ets ?? 0) > 0 && Boolean(target.companions?.ets)
}

function intervalLines(p: ExportPreprocessing, target: TargetDescription): string[] {
  const { name, intervals, lowerBound } = target
  const { levels } = intervals
  if (levels.length === 0) return []
  const withEts = averagesWithEts(p, target)
  const header = `| step | ${levels.map((level) => `±${level} %`).join(' | ')} |`
  const rule = `|---|${levels.map(() => '---').join('|')}|`
  const rows = Array.from({ length: intervals.horizon }, (_, k) => {
    const widths = levels.map((level) => {
      const width = intervals.halfWidths[String(level)][k]
      return width === null ? 'unbounded' : width.toPrecision(4)
    })
    return `| ${k + 1} | ${widths.join(' | ')} |`
  })
  return [
    '',
    `Prediction intervals of \`${name}\` (conformal, original units): value ± half-width of the step` +
      (withEts
        ? ", each side's half-width averaged with the ETS companion's own interval half-width at the same origin" +
          ' (an unbounded one replaced by it; docs/export-formats.md has the recipe)'
        : '') +
      (lowerBound === undefined
        ? '.'
        : `, lower bounds raised to ${lowerBound} (the series was never below it).`),
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
    ...p.targets.flatMap((target) => intervalLines(p, target)),
  ]
}
