import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { columnList } from './column-list'
import type { CliIo } from './index'
import { loadSeries, saveModelFolder } from '../services/models/index'
import {
  defaultConfig,
  runAuto,
  runPipeline,
  type PipelineConfig,
  type PipelineResult,
  type TrainEpoch,
} from '../../worker/pipeline/index'

const USAGE =
  'usage: lstm-studio train DATA.csv --target COL[,COL…] --out DIR [--config FILE] [--horizon H] ' +
  '[--past-covariates A,B] [--future-covariates C] [--period M]\n' +
  '  several targets (--target A --target B, or --target A,B): one network forecasts them all\n'

/** --config: `{"preset": "manual", ...settings}` trains exactly that; anything else tunes Auto. */
interface ConfigFile extends Partial<PipelineConfig> {
  preset?: 'auto' | 'manual'
}

/** Thrown for input the command refuses (exit 2), as opposed to usage errors (exit 1). */
export class RefusedInput extends Error {}

function positiveInteger(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new RefusedInput(`${what} must be a positive integer, got "${value}"`)
  return number
}

async function readConfig(path: string | undefined): Promise<ConfigFile> {
  if (!path) return {}
  try {
    const json: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a JSON object')
    return json as ConfigFile
  } catch (error) {
    throw new RefusedInput(`cannot use config ${path}: ${(error as Error).message}`)
  }
}

/** Each target's scores, in the model's order. */
function metricsSummary(result: PipelineResult) {
  return {
    targets: result.targets.map((target) => ({
      name: target.name,
      validation: target.validation?.metrics ?? null,
      test: target.test?.metrics ?? null,
      baselines: Object.fromEntries(
        Object.entries(target.test?.baselines ?? {}).map(([name, score]) => [
          name,
          score.metrics ?? { error: score.error },
        ]),
      ),
      backtest: target.backtest?.overall ?? null,
    })),
  }
}

/** Exit status 2 for refused input (bad file, column, configuration); anything else is a bug and rethrown. */
export function isRefusal(error: unknown): boolean {
  if (error instanceof RefusedInput || error instanceof RangeError) return true
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^(CSV_|COLUMN_|MODEL_|ENOENT|EACCES|EISDIR)/.test(code)
}

export async function runTrain(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string', multiple: true },
        out: { type: 'string' },
        config: { type: 'string' },
        horizon: { type: 'string' },
        period: { type: 'string' },
        'past-covariates': { type: 'string' },
        'future-covariates': { type: 'string' },
      },
    })
  } catch (error) {
    io.stderr.write(`lstm-studio train: ${(error as Error).message}\n${USAGE}`)
    return 1
  }
  const { values, positionals } = parsed
  const targets = columnList(values.target)
  if (positionals.length !== 1 || targets.length === 0 || !values.out) {
    io.stderr.write(USAGE)
    return 1
  }
  try {
    if (new Set(targets).size !== targets.length)
      throw new RefusedInput(`--target lists a column twice: ${targets.join(', ')}`)
    const columns = {
      targets,
      pastCovariates: columnList(values['past-covariates']),
      futureCovariates: columnList(values['future-covariates']),
      period: positiveInteger(values.period, '--period'),
    }
    const { preset, ...settings } = await readConfig(values.config)
    const horizon = positiveInteger(values.horizon, '--horizon')
    io.stderr.write(`Reading ${positionals[0]}…\n`)
    const series = await loadSeries(positionals[0], columns)
    const onEpoch = (report: TrainEpoch) => {
      const val = report.valLoss === null ? '' : ` val ${report.valLoss.toPrecision(4)}`
      io.stderr.write(
        `epoch ${report.epoch + 1} train ${report.trainLoss.toPrecision(4)}${val}${report.best ? ' *' : ''}\n`,
      )
    }
    let result: PipelineResult
    let chosen: { preset: string; targetMode: string; config: PipelineConfig; candidates?: unknown }
    if (preset === 'manual') {
      const config = defaultConfig({ ...settings, ...(horizon ? { horizon } : {}) })
      result = await runPipeline(series, config, { onEpoch })
      chosen = { preset: 'manual', targetMode: config.targetMode, config }
    } else {
      const auto = await runAuto(series, { horizon, overrides: settings, onEpoch })
      result = auto.result
      chosen = { preset: 'auto', targetMode: auto.chosen, config: auto.config, candidates: auto.candidates }
    }
    const metrics = metricsSummary(result)
    await saveModelFolder(values.out, result.model, {
      metrics,
      training: {
        data: { file: positionals[0], ...columns },
        chosen,
        summary: { ...result.training, notes: result.notes, validationScore: result.validationScore },
      },
    })
    io.stderr.write(`Model written to ${values.out}\n`)
    io.stdout.write(
      `${JSON.stringify({ status: 'ok', out: values.out, ...chosen, metrics, notes: result.notes })}\n`,
    )
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    io.stderr.write(`lstm-studio train: ${(error as Error).message}\n`)
    return 2
  }
}
