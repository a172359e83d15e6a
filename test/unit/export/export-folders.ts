import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runExport } from '../../../electron/cli/export'
import { runForecast } from '../../../electron/cli/forecast'
import { saveModelFolder } from '../../../electron/services/models/index'
import { mulberry32, paramCount } from '../../../worker/engine/index'
import { prepare, type PipelineConfig } from '../../../worker/pipeline/index'
import { modelWith, monthly, monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'
import { captureIo } from '../helpers/cli-io'
export { captureIo } from '../helpers/cli-io'

/** Model folders, exports and forecasts through the CLI, for the forecast-from-export tests. */

export const TARGET_COLUMN = 'sales'

/** A monthly CSV whose target column is not called "value": the forecast must learn its name from the export. */
export async function writeSeriesCsv(path: string, values: number[]): Promise<void> {
  const dates = monthly(values.length)
  const rows = values.map((v, i) => `${new Date(dates[i]).toISOString().slice(0, 10)},${v}`)
  await writeFile(path, `date,${TARGET_COLUMN}\n${rows.join('\n')}\n`)
}

/** A native model folder with random weights (`members` networks averaged), as training writes it. */
export async function nativeModel(
  directory: string,
  values: number[],
  config: Partial<PipelineConfig>,
  seed: number,
): Promise<string> {
  const series = monthlySeries(values, TARGET_COLUMN)
  const { state } = prepare(series, tinyConfig(config))
  const random = mulberry32(seed)
  const count = paramCount(state.spec) * (config.ensemble ?? 1)
  const params = Float32Array.from({ length: count }, () => (random() - 0.5) * 0.8)
  await saveModelFolder(directory, modelWith(state, params, series), {
    metrics: {},
    training: { data: { file: 'sales.csv', targets: [TARGET_COLUMN], rows: values.length } },
  })
  return directory
}

export async function exportTo(source: string, format: string, out: string) {
  const capture = captureIo()
  const status = await runExport([source, '--format', format, '--out', out], capture.io)
  return { status, ...capture.text }
}

export interface ForecastRun {
  status: number
  stdout: string
  stderr: string
  /** The CSV's rows split into cells (header first), empty when nothing was written. */
  rows: string[][]
}

/** `lstm-studio forecast MODEL CSV --horizon 6 --out OUT ...extra`. */
export async function forecastFrom(
  model: string,
  csv: string,
  out: string,
  extra: string[] = [],
): Promise<ForecastRun> {
  const capture = captureIo()
  const argv = [model, csv, '--horizon', '6', '--out', out, ...extra]
  const status = await runForecast(argv, capture.io)
  const text = status === 0 ? await readFile(out, 'utf8') : ''
  const rows = text
    ? text
        .trim()
        .split('\n')
        .map((line) => line.split(','))
    : []
  return { status, ...capture.text, rows }
}

export async function emptyFolder(path: string): Promise<string> {
  await mkdir(path, { recursive: true })
  return path
}

export const seriesValues = (seed: number) => seasonalSeries(72, seed).map((v) => Math.max(v, 1))

export { join }
