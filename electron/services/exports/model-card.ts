import { describePreprocessing, type ExportPreprocessing } from '../../../worker/export/index'
import type { ModelManifest } from '../../../worker/model-format/index'
import type { TrainedModel } from '../../../worker/pipeline/index'
import { dateText, formatNumber, frequencyText, layersText, num, testScores, text } from './card-facts'
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

function dataSection(input: ModelCardInput): string[] {
  const { manifest, training } = input
  const rows = num(training, 'data', 'rows')
  const source = text(training, 'data', 'file')
  const { pastNames, futureNames } = manifest.pipeline
  return [
    '## Data',
    '',
    `- Series: \`${text(training, 'data', 'target') ?? 'target'}\`${source ? ` from \`${source}\`` : ''}`,
    `- Frequency: ${frequencyText(manifest)}; seasonal period ${manifest.pipeline.period}`,
    `- Rows: ${rows ?? 'not recorded'}; last training observation: ${dateText(manifest.lastTimestamp)}`,
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
  const rows = testScores(metrics)
  if (rows.length === 0) return ['## Metrics', '', 'No test-set metrics were recorded with this model.']
  return [
    '## Metrics (test set, original units)',
    '',
    '| forecaster | MAE | RMSE | MASE | sMAPE |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${[r.mae, r.rmse, r.mase, r.smape].map(formatNumber).join(' | ')} |`),
  ]
}

function shapesSection(format: ExportFormat, p: ExportPreprocessing): string[] {
  return [...singleShapes(format, p), ...targetsShapes(p)]
}

function singleShapes(format: ExportFormat, p: ExportPreprocessing): string[] {
  const features = p.features.length
  const names = format === 'onnx' ? ['`input`', '`forecast`'] : ['input', 'output']
  return [
    '## Input and output',
    '',
    `- ${names[0]}: float32 [batch, ${p.lookback}, ${features}] — features ${p.features.map((f) => `\`${f}\``).join(', ')}`,
    `- ${names[1]}: float32 [batch, ${p.outputs * (1 + p.extraTargets.length)}] — ${p.strategy === 'direct' ? `steps 1 … ${p.outputs}` : 'the next step'}, scaled units`,
  ]
}

/** Several targets: the head is wider, one block of `outputs` values per target. */
function targetsShapes(p: ExportPreprocessing): string[] {
  if (p.extraTargets.length === 0) return []
  const names = ['target', ...p.extraTargets.map((extra) => extra.name)]
  return [
    `- ${names.length} targets (${names.map((name) => `\`${name}\``).join(', ')}), target-major: ` +
      `value k of target t is at t·${p.outputs} + k; each further target has its own transform and intervals (\`extraTargets\`).`,
  ]
}

/** README.md of an export folder. */
export function modelCard(input: ModelCardInput): string {
  const target = text(input.training, 'data', 'target')
  const p = describePreprocessing(input.model, { targetName: target })
  const series = target ?? 'Series'
  const lines = [
    `# ${series} forecaster — ${FORMAT_TITLES[input.format]} export`,
    '',
    `Exported by LSTM Studio ${input.appVersion} on ${input.exportedAt.toISOString().slice(0, 10)}. ` +
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
