import type { CliIo } from './index'
import { columnList } from './column-list'
import { runPanelTrain } from './panel-train'
import { integerFrom, isRefusal, progressPrinter, readConfig, RefusedInput } from './train'
import { CsvImportError } from '../services/data/index'
import { defaultWorkerCount } from '../services/app/app-info'
import type { WorkerFiles } from '../services/index'
import { workerFilesHere } from '../source-worker-files'
import type { PanelConfig } from '../../worker/panel/types'
import { MAX_BACKTEST_ORIGINS } from '../api/requests/panel'

/** --backtest K: whole origins within the settings' bounds (each one is a training). */
function backtestOriginsFrom(value: string | undefined): number | undefined {
  const origins = integerFrom(value, '--backtest', 0)
  if (origins !== undefined && origins > MAX_BACKTEST_ORIGINS)
    throw new RefusedInput(`--backtest must be at most ${MAX_BACKTEST_ORIGINS} origins, got ${origins}`)
  return origins
}

/** The flags of `train` as a panel run reads them (--config holds panel settings, e.g. {"ensemble": 3}). */
interface TrainFlags {
  out?: string
  config?: string
  horizon?: string
  test?: string
  backtest?: string
  seed?: string
  workers?: string
  period?: string
  static?: string[]
  calendar?: boolean
  'past-covariates'?: string
  'future-covariates'?: string
}

export async function trainPanelFromCli(
  file: string,
  ids: string[],
  targets: string[],
  flags: TrainFlags,
  io: CliIo & { workers?: WorkerFiles },
): Promise<number> {
  try {
    if (targets.length > 1)
      throw new RefusedInput(`a panel has one value column; --target names ${targets.length}`)
    const overrides = (await readConfig(flags.config)) as Partial<PanelConfig> & { preset?: unknown }
    delete overrides.preset
    // The flags choose the extra inputs; --config may too, the flags win.
    if (flags.static) overrides.staticInputs = flags.static
    if (flags.calendar) overrides.calendar = true
    if (flags['past-covariates'])
      throw new RefusedInput(
        'a panel reads covariates known ahead only (--future-covariates): a global model forecasts every series from its own rows after its last value',
      )
    const future = columnList(flags['future-covariates'])
    if (future.length > 0) overrides.futureInputs = future
    return await runPanelTrain(
      {
        file,
        ids,
        target: targets[0],
        out: flags.out!,
        horizon: integerFrom(flags.horizon, '--horizon', 1),
        test: integerFrom(flags.test, '--test', 0),
        backtestOrigins: backtestOriginsFrom(flags.backtest),
        seed: integerFrom(flags.seed, '--seed', 0),
        period: integerFrom(flags.period, '--period', 1),
        threads: integerFrom(flags.workers, '--workers', 1) ?? defaultWorkerCount(),
        overrides,
      },
      io,
      { workers: io.workers ?? (await workerFilesHere()), events: progressPrinter(io) },
    )
  } catch (error) {
    // A CSV the panel reader refuses is bad input, like any refused file.
    if (!isRefusal(error) && !(error instanceof CsvImportError)) throw error
    io.stderr.write(`lstm-studio train: ${(error as Error).message}\n`)
    return 2
  }
}
