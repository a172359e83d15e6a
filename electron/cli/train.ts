import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { columnList } from './column-list'
import { trainPanelFromCli } from './panel-cli-train'
import { detectLongPanel } from '../services/data/panel/detect-panel'
import { CsvImportError } from '../services/data/index'
import type { CliIo } from './index'
import { defaultWorkerCount } from '../services/app/app-info'
import type { WorkerFiles } from '../services/index'
import { loadSeries, saveModelFolder } from '../services/models/index'
import { forecastOnPool } from '../services/runs/pool-run'
import { describeRole } from '../../worker/training/network-role'
import { workerFilesHere } from '../source-worker-files'
import type { EventName, EventPayload } from '../api/contract'
import type { PipelineConfig, PipelineResult, RunPlan } from '../../worker/pipeline/index'

const USAGE =
  'usage: lstm-studio train DATA.csv --target COL[,COL…] --out DIR [--config FILE] [--horizon H] ' +
  '[--test N] [--seed S] [--workers N] [--past-covariates A,B] [--future-covariates C] [--period M]\n' +
  '  several targets (--target A --target B, or --target A,B): one network forecasts them all\n' +
  '  --test N: the last N points are held out for the metrics (default: the horizon); 0 skips the holdout\n' +
  '  --workers N: training threads (default: cores − 1); the result is the same for every N\n' +
  '  the saved model, which forecasts ahead, is trained on every point after evaluation\n' +
  '  a panel (long CSV of many series, keyed by --id ID [--id ID2], recognised without it too):\n' +
  '  one global network for every series; its forecast CSV is id,date,forecast\n' +
  '  --static COL (repeatable): a panel column constant within each series as an input of the network\n' +
  "  --calendar: the season's phase (sin, cos) as an input at every step of a panel's windows\n" +
  '  --future-covariates C on a panel: numeric columns known ahead; each series needs H rows after\n' +
  '  its last value with their dates, the planned values and an empty target (for training and forecast)\n' +
  '  --backtest K (a panel only, 0–5, default 0): K rolling-origin backtests before the test part,\n' +
  '  each one training of the same configuration on the points before its origin\n'

/** --config: `{"preset": "manual", ...settings}` trains exactly that; anything else tunes Auto. */
interface ConfigFile extends Partial<PipelineConfig> {
  preset?: 'auto' | 'manual'
}

/** Thrown for input the command refuses (exit 2), as opposed to usage errors (exit 1). */
export class RefusedInput extends Error {}

export function integerFrom(value: string | undefined, what: string, min: number): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min)
    throw new RefusedInput(`${what} must be a whole number ≥ ${min}, got "${value}"`)
  return number
}

const positiveInteger = (value: string | undefined, what: string) => integerFrom(value, what, 1)

export async function readConfig(path: string | undefined): Promise<ConfigFile> {
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
  // Every refused CSV (a cell that is not a number, ragged rows, no numeric column…); INTERNAL is a bug.
  if (error instanceof CsvImportError) return error.code !== 'INTERNAL'
  const code = (error as { code?: unknown } | null)?.code
  return (
    typeof code === 'string' &&
    /^(CSV_|COLUMN_|MODEL_|PANEL_|NOT_A_|FILE_NOT_FOUND|ENOENT|EACCES|EISDIR|ENOTDIR)/.test(code)
  )
}

/** Progress on stderr: one line per epoch of the run's first network, and each network's end. */
export function progressPrinter(io: CliIo) {
  const labels = new Map<string, string>()
  return {
    publish<N extends EventName>(name: N, payload: EventPayload<N>): void {
      if (name === 'training.state') {
        const event = payload as EventPayload<'training.state'>
        for (const job of event.candidates ?? []) labels.set(job.jobId, describeRole(job.role))
        const label = labels.get(event.jobId)
        if (label && (event.state === 'completed' || event.state === 'stopped'))
          io.stderr.write(`${label}: ${event.message ?? 'done'}\n`)
      }
      if (name === 'training.epoch') {
        const event = payload as EventPayload<'training.epoch'>
        for (const epoch of [...(event.earlier ?? []), event]) {
          const val = epoch.valLoss === null ? '' : ` val ${epoch.valLoss.toPrecision(4)}`
          const label = labels.get(event.jobId) ?? event.jobId
          io.stderr.write(
            `${label} · epoch ${epoch.epoch + 1} train ${epoch.trainLoss.toPrecision(4)}${val}${epoch.best ? ' *' : ''}\n`,
          )
        }
      }
    },
  }
}

export async function runTrain(argv: string[], io: CliIo & { workers?: WorkerFiles }): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string', multiple: true },
        id: { type: 'string', multiple: true },
        out: { type: 'string' },
        config: { type: 'string' },
        horizon: { type: 'string' },
        test: { type: 'string' },
        backtest: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        period: { type: 'string' },
        'past-covariates': { type: 'string' },
        'future-covariates': { type: 'string' },
        static: { type: 'string', multiple: true },
        calendar: { type: 'boolean' },
      },
    })
  } catch (error) {
    io.stderr.write(`lstm-studio train: ${(error as Error).message}\n${USAGE}`)
    return 1
  }
  const { values, positionals } = parsed
  const targets = columnList(values.target)
  // A panel (several series keyed by --id columns, or a long file recognised as one) trains one global network.
  const panelKeys =
    values.id ?? (positionals.length === 1 ? (await detectLongPanel(positionals[0]))?.keys : undefined)
  if (panelKeys && positionals.length === 1 && values.out)
    return trainPanelFromCli(positionals[0], panelKeys, targets, values, io)
  if (positionals.length !== 1 || targets.length === 0 || !values.out) {
    io.stderr.write(USAGE)
    return 1
  }
  if (values.static || values.calendar) {
    io.stderr.write(
      'lstm-studio train: --static and --calendar are inputs of a panel model (name its --id)\n',
    )
    return 2
  }
  try {
    if (new Set(targets).size !== targets.length)
      throw new RefusedInput(`--target lists a column twice: ${targets.join(', ')}`)
    if (values.backtest !== undefined)
      throw new RefusedInput(
        '--backtest is for a panel (--id); one series sets its backtest in --config, e.g. {"backtest": {"origins": 3}}',
      )
    const columns = {
      targets,
      pastCovariates: columnList(values['past-covariates']),
      futureCovariates: columnList(values['future-covariates']),
      period: positiveInteger(values.period, '--period'),
    }
    const { preset, ...settings } = await readConfig(values.config)
    const horizon = positiveInteger(values.horizon, '--horizon')
    const test = integerFrom(values.test, '--test', 0)
    const seed = integerFrom(values.seed, '--seed', 0)
    const threads = positiveInteger(values.workers, '--workers') ?? defaultWorkerCount()
    io.stderr.write(`Reading ${positionals[0]}…\n`)
    const series = await loadSeries(positionals[0], columns)
    const plan: RunPlan =
      preset === 'manual'
        ? {
            preset: 'manual',
            config: {
              ...settings,
              ...(horizon ? { horizon } : {}),
              ...(seed !== undefined ? { seed } : {}),
              ...(test !== undefined
                ? {
                    split: {
                      validation: settings.split?.validation ?? { percent: 15 },
                      test: { count: test },
                    },
                  }
                : {}),
            },
          }
        : { preset: 'auto', horizon, test, seed, overrides: settings }
    io.stderr.write(`Training on ${threads} thread${threads === 1 ? '' : 's'}…\n`)
    const result = await forecastOnPool(series, plan, {
      workers: io.workers ?? (await workerFilesHere()),
      threads,
      events: progressPrinter(io),
    })
    const chosen: {
      preset: string
      targetMode: string
      config: PipelineConfig
      candidates?: unknown
      combinations?: unknown
      combinationRule?: string
      method?: string
    } = {
      preset: result.preset,
      targetMode: result.chosen ?? result.config.targetMode,
      config: result.config,
      ...(result.candidates ? { candidates: result.candidates } : {}),
      ...(result.combinations ? { combinations: result.combinations } : {}),
      ...(result.combinationRule ? { combinationRule: result.combinationRule } : {}),
      ...(result.method ? { method: result.method } : {}),
    }
    const metrics = metricsSummary(result)
    await saveModelFolder(values.out, result.model, {
      metrics,
      training: {
        data: { file: positionals[0], ...columns },
        chosen,
        summary: { ...result.training, notes: result.notes, validationScore: result.validationScore },
        finalFit: result.finalFit,
      },
    })
    io.stderr.write(`Model written to ${values.out}\n`)
    io.stdout.write(
      `${JSON.stringify({ status: 'ok', out: values.out, ...chosen, metrics, finalFit: result.finalFit, notes: result.notes })}\n`,
    )
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    io.stderr.write(`lstm-studio train: ${(error as Error).message}\n`)
    return 2
  }
}
