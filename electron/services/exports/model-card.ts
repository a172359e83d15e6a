import { describePreprocessing, type ExportPreprocessing } from '../../../worker/export/index'
import type { ModelManifest } from '../../../worker/model-format/index'
import { targetNames, type TrainedModel } from '../../../worker/pipeline/index'
import { localDate } from './export-file-name'
import { dateText, formatNumber, frequencyText, layersText, num, targetScores, text } from './card-facts'
import { scalingSection } from './card-scaling'
import { runSnippets } from './card-snippets'
import { FORMAT_TITLES, type ExportFormat } from './export-format'

export interface ModelCardInput {
  format: ExportFormat
  manifest: ModelManifest
  model: TrainedModel
  /** metrics.json and training.json of the source folder, as read. */
  metrics: unknown
  training: unknown
  files: string[]
  appVersion: string
  exportedAt: Date
}

const quoted = (names: string[]) => names.map((name) => `\`${name}\``).join(', ')

function dataSection(input: ModelCardInput): string[] {
  const { manifest, training } = input
  const rows = num(training, 'data', 'rows')
  const source = text(training, 'data', 'file')
  const { pastNames, futureNames } = manifest.pipeline
  return [
    '## Data',
    '',
    `- Targets: ${quoted(targetNames(manifest.pipeline))}${source ? ` from \`${source}\`` : ''}`,
    `- Frequency: ${frequencyText(manifest)}; seasonal period ${manifest.pipeline.period}`,
    `- Rows: ${rows ?? 'not recorded'}; last training observation: ${dateText(manifest.lastTimestamp, manifest.frequency)}`,
    `- Covariates: past ${pastNames.length ? pastNames.join(', ') : 'none'}; known-future ${futureNames.length ? futureNames.join(', ') : 'none'}`,
  ]
}

function configurationSection(input: ModelCardInput): string[] {
  const { manifest, training } = input
  const { transforms } = manifest.pipeline.config
  const epochs = num(training, 'summary', 'epochsRun')
  const best = num(training, 'summary', 'bestEpoch')
  return [
    '## Configuration',
    '',
    `- Layers: ${layersText(manifest)}, then a linear head on the last hidden state`,
    `- Lookback ${manifest.lookback}, horizon ${manifest.horizon}, strategy ${manifest.strategy}, target mode ${manifest.targetMode}`,
    `- Target transform: log transform ${transforms.log}, differencing ${transforms.difference}, scaling ${transforms.scaling}`,
    ...(epochs !== undefined
      ? [`- Training: ${epochs} epochs${best !== undefined ? `, best epoch ${best + 1}` : ''}`]
      : []),
  ]
}

function metricsSection(metrics: unknown): string[] {
  const targets = targetScores(metrics)
  if (targets.length === 0) return ['## Metrics', '', 'No test-set metrics were recorded with this model.']
  return [
    '## Metrics (test set, original units)',
    ...targets.flatMap(({ name, rows }) => [
      '',
      ...(name ? [`Target \`${name}\`:`, ''] : []),
      '| forecaster | MAE | RMSE | MASE | sMAPE |',
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${[r.mae, r.rmse, r.mase, r.smape].map(formatNumber).join(' | ')} |`),
    ]),
  ]
}

/** The head writes one block of `outputs` values per target, target-major. */
function shapesSection(format: ExportFormat, p: ExportPreprocessing): string[] {
  const names = format === 'onnx' ? ['`input`', '`forecast`'] : ['input', 'output']
  const steps = p.strategy === 'direct' ? `steps 1 … ${p.outputs}` : 'the next step'
  return [
    '## Input and output',
    '',
    `- ${names[0]}: float32 [batch, ${p.lookback}, ${p.features.length}] — features ${quoted(p.features)}`,
    `- ${names[1]}: float32 [batch, ${p.outputs * p.targets.length}] — ${steps} of ${quoted(p.targets.map((t) => t.name))}, ` +
      `target-major (value k of target t at t·${p.outputs} + k), scaled units; each target has its own transform and intervals (\`targets\`)`,
  ]
}

/** README.md of an export folder. */
export function modelCard(input: ModelCardInput): string {
  const p = describePreprocessing(input.model)
  const lines = [
    `# ${targetNames(input.model.state).join(', ')} forecaster — ${FORMAT_TITLES[input.format]} export`,
    '',
    `Exported by LSTM Studio ${input.appVersion} on ${localDate(input.exportedAt)}. ` +
      `Files: ${input.files.map((f) => `\`${f}\``).join(', ')}.`,
    '',
    ...dataSection(input),
    '',
    ...configurationSection(input),
    '',
    ...metricsSection(input.metrics),
    '',
    ...shapesSection(input.format, p),
    '',
    ...scalingSection(p),
    '',
    ...runSnippets(input.format, p.lookback, p.features.length),
    '',
  ]
  return lines.join('\n')
}
