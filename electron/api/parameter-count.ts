import { paramLayout } from '../../worker/engine/layout'
import type { CellType, ModelSpec } from '../../worker/engine/types'
import { networkSpec } from '../../worker/pipeline/network-shape'
import type { ForecastingSettings, TrainingSource } from './requests/training'
import type { CandidateMode } from './requests/training-auto'

/**
 * What decides the size of the network `training.start` trains, in its own terms. One target mode:
 * an Auto run trains one network per mode, and the seasonal-residual one reads more inputs.
 */
export interface NetworkSettings {
  source: Pick<TrainingSource, 'targets' | 'covariates'>
  config: { layers: ReadonlyArray<{ cell: CellType; units: number }>; horizon: number }
  forecasting: Pick<ForecastingSettings, 'strategy' | 'calendar'> & { targetMode: CandidateMode }
}

export interface ParameterCounts {
  /** Trainable weights of each recurrent layer (its two kernels and two bias vectors). */
  layers: number[]
  /** The linear head on the top layer, a block of steps per target. */
  head: number
  total: number
}

/** The network the pipeline builds for these settings (worker/pipeline/network-shape.ts). */
export function networkOf({ source, config, forecasting }: NetworkSettings): ModelSpec {
  return networkSpec({
    targets: source.targets,
    // Only their number counts here; whether each is known ahead is the dataset's column role.
    pastCovariates: source.covariates,
    futureCovariates: [],
    targetMode: forecasting.targetMode,
    calendar: forecasting.calendar,
    strategy: forecasting.strategy,
    horizon: config.horizon,
    layers: config.layers.map(({ cell, units }) => ({ cell, units, dropout: 0 })),
  })
}

/**
 * The weights of that network, counted on the engine's own parameter layout; null when the
 * settings describe no network (no layer, a size that is not a positive whole number).
 */
export function parameterCounts(settings: NetworkSettings): ParameterCounts | null {
  let layout: ReturnType<typeof paramLayout>
  try {
    layout = paramLayout(networkOf(settings))
  } catch {
    return null
  }
  const sizeOf = (prefix: string) =>
    layout.filter((entry) => entry.name.startsWith(prefix)).reduce((sum, entry) => sum + entry.size, 0)
  const layers = settings.config.layers.map((_, k) => sizeOf(`layers.${k}.`))
  const head = sizeOf('head.')
  return { layers, head, total: layers.reduce((sum, size) => sum + size, head) }
}
