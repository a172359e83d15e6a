import type { PanelExportPreprocessing } from '../../../../worker/export/index'
import type { EtsVariant } from '../../../../worker/panel/companion-forecasts'
import { localDate } from '../export-file-name'
import { FORMAT_TITLES, type ExportFormat } from '../export-format'
import { panelRunSnippets } from './panel-card-snippets'
import { inputsFileSection } from './panel-inputs-card'

/** README.md of a panel model's export: what the graph does, what lives beside it, how to run it. */

export interface PanelCardInput {
  format: ExportFormat
  preprocessing: PanelExportPreprocessing
  files: string[]
  appVersion: string
  exportedAt: Date
  /** panel-model.json's summary (training facts, test scores), shown when present. */
  summary?: unknown
}

const code = (names: string[]) => names.map((name) => `\`${name}\``).join(', ')

function modelSection(p: PanelExportPreprocessing): string[] {
  const layers = p.layers.map((l) => `${l.cell.toUpperCase()}(${l.units})`).join(' → ')
  return [
    '## The model',
    '',
    `- One global network for every series of a panel keyed by ${code(p.keyNames)}, forecasting \`${p.target}\``,
    `- Layers: ${layers}, then a linear head giving the ${p.horizon} steps ahead at once`,
    `- Lookback ${p.lookback}; ${p.members} ensemble member${p.members === 1 ? '' : 's'}, averaged in the graph`,
    `- Series with fewer than ${p.minObserved} points are forecast by Theta alone (no network)`,
  ]
}

function shapesSection(format: ExportFormat, p: PanelExportPreprocessing): string[] {
  const F = p.features.length
  const scalingText =
    p.window.scaling === 'mean'
      ? 'reference r = mean |value| over the observed steps (1 if ≤ 1e-12); scaled = value / r − 1; forecast = (output + 1) · r'
      : 'reference r = log(last value); scaled = log(value) − r; forecast = exp(output + r)'
  const window = `float32 [batch, ${p.lookback}, ${F}] — per step ${code(p.features)}; a series shorter than ${p.lookback} is padded at the front with steps of 0 / 0`
  if (p.window.inGraph)
    return [
      '## Input and output',
      '',
      `- \`input\`: ${window}. Raw values (seasonally adjusted, see below), not scaled: the graph scales each window itself.`,
      `- \`forecast\`: float32 [batch, ${p.horizon}] — steps 1 … ${p.horizon} in the units of the input window.`,
      `- Inside the graph: per-window ${p.window.scaling} scaling (${scalingText}), every member, the un-scaling and the mean.`,
      '  Padded steps count for nothing, whatever value they hold.',
    ]
  const side = p.window.membersSideBySide
  return [
    '## Input and output',
    '',
    `- input: ${window}, scaled per window: ${scalingText}. Padded steps stay 0 / 0.`,
    side
      ? `- output: float32 [batch, ${p.members * p.horizon}] — each member's ${p.horizon} steps side by side (member m at m·${p.horizon}); un-scale each, then average.`
      : `- output: float32 [batch, ${p.horizon}] — the members' mean, on the scaled scale; un-scale it with the window's reference.`,
    `- ${FORMAT_TITLES[format]} has no layer that divides by a value computed from the input, so the scaling`,
    '  lives beside the graph (`preprocessing.json` → `window`); the ONNX export holds it inside.',
  ]
}

const share = (w: number) => Number(w.toFixed(6))

function etsText(variant: EtsVariant, period: number, maxSeasonal: number): string {
  return variant === 'adjusted'
    ? `ETS is R's automatic ets() among its non-seasonal models, on the series divided by its seasonal indices (step 1), the season put back (this panel was too big for the full candidate set)`
    : `ETS is R's automatic ets() (seasonal at period ${period} when it is ≤ ${maxSeasonal})`
}

function combinationStep(p: PanelExportPreprocessing): string {
  const { network, ets, theta, period, etsMaxSeasonalPeriod, etsVariant } = p.combination
  if (network === 1) return '2. The combination: none — validation kept the network alone (network weight 1).'
  const parts = [
    ...(network > 0 ? [`${share(network)} × network`] : []),
    ...(ets > 0 ? [`${share(ets)} × ETS`] : []),
    ...(theta > 0 ? [`${share(theta)} × Theta`] : []),
  ]
  const unused =
    network === 0
      ? " On this panel's validation block the network did not help, so LSTM Studio's forecasts are the companions' " +
        '(network weight 0); the graph is the trained network, which they did not use.'
      : ''
  return (
    `2. The combination validation chose: forecast = ${parts.join(' + ')}, each companion fitted on the series' own ` +
    `history: ${etsText(etsVariant, period, etsMaxSeasonalPeriod)}, Theta M4's. ` +
    `A companion that cannot be fitted gives its weight to the network.${unused}`
  )
}

function besideSection(p: PanelExportPreprocessing): string[] {
  const { seasonality } = p
  const levels = p.intervals.levels.map((l) => `${l} %`).join(' and ')
  return [
    '## What lives beside the graph (`preprocessing.json`)',
    '',
    'These steps read a whole series (or other forecasters), so they cannot live in a window-to-forecast graph:',
    '',
    seasonality.deseasonalise
      ? `1. Seasonal adjustment, per series from its own history (period ${seasonality.period}): when M4's 90 % test finds ` +
        `seasonality (|r_m| > ${seasonality.test.critical}·√((1 + 2·Σ_{k<m} r_k²)/n), at least ${seasonality.test.minSeasons} seasons, every value > 0), ` +
        'divide by the classical multiplicative indices (centred moving average, ratios averaged per position from the first point, ' +
        'normalised to mean 1); feed the adjusted series, multiply the forecast by the indices of positions n … n + h − 1.'
      : '1. Seasonal adjustment: none (this model was trained on the series as they are).',
    combinationStep(p),
    `3. Intervals (${levels}): forecast ± halfWidths[level][k] × s, where s = mean |y_t − y_{t−1}| of the series' history ` +
      '(1 when 0); a null half-width is unbounded.',
  ]
}

/**
 * A network that reads static attributes, the calendar or covariates ahead: how each step's further
 * features are made and, where the export ships scripts, the inputs file they read them from.
 */
function extraInputsSection(format: ExportFormat, p: PanelExportPreprocessing): string[] {
  if (!p.inputs) return []
  return [
    '## Further inputs',
    '',
    `Each step also reads ${code(p.features.slice(2))}, made as preprocessing.json's \`inputs\` says: a ` +
      "static attribute one-hot over its categories (then one 'other' input for the rarer ones; an unseen or empty " +
      'category is all zeros), a numeric one as (value − mean) / sd, the same at every step; the calendar as sin and ' +
      'cos of 2π·position/season of each step; a known-future covariate as (value − mean) / sd taken h steps after ' +
      "the step (so the window's last h steps carry the h forecast steps' planned values, which the series must give " +
      'after its last value).',
    '',
    ...(format === 'native' ? [] : [...inputsFileSection(p, format === 'onnx'), '']),
  ]
}

function summarySection(summary: unknown): string[] {
  if (summary === undefined || summary === null) return []
  return ['', '## Training summary', '', '```json', JSON.stringify(summary, null, 2), '```']
}

export function panelModelCard(input: PanelCardInput): string {
  const p = input.preprocessing
  return [
    `# ${p.target} panel forecaster — ${FORMAT_TITLES[input.format]} export`,
    '',
    `Exported by LSTM Studio ${input.appVersion} on ${localDate(input.exportedAt)}. Files: ${code(input.files)}.`,
    '',
    ...modelSection(p),
    '',
    ...(input.format === 'native' ? [] : [...shapesSection(input.format, p), '']),
    ...extraInputsSection(input.format, p),
    ...besideSection(p),
    '',
    ...panelRunSnippets(input.format, p.inputs !== null),
    ...summarySection(input.summary),
    '',
  ].join('\n')
}
