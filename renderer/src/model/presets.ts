import type { Frequency } from '../../../worker/timeseries/frequency'
import { newLayer } from './draft'
import type { ModelDraft } from './draft'

export type PresetName = 'auto' | 'small' | 'large'

/** Seasonal period of common frequencies: one cycle of context is the least a lookback should see. */
function seasonalPeriod(frequency: Frequency | null): number {
  switch (frequency?.unit) {
    case 'month':
      return 12
    case 'quarter':
      return 4
    case 'week':
      return 52
    case 'day':
      return 7
    case 'businessDay':
      return 5
    case 'hour':
      return 24
    default:
      return 10
  }
}

function base(workers: number): Omit<ModelDraft, 'layers' | 'lookback' | 'horizon'> {
  return {
    strategy: 'direct',
    transform: 'auto',
    validationFraction: 0.2,
    testFraction: 0.1,
    calendar: [],
    optimizer: { kind: 'adam', lr: 0.005, weightDecay: 0, momentum: 0 },
    schedule: { kind: 'constant' },
    batchSize: 32,
    epochs: 100,
    patience: 10,
    clipNorm: 1,
    loss: 'mse',
    seed: 42,
    workers,
  }
}

/** Auto sizes the window from the series' season and length; Small and Large are fixed shapes. */
export function preset(
  name: PresetName,
  context: { frequency: Frequency | null; length: number; workers: number },
): ModelDraft {
  const season = seasonalPeriod(context.frequency)
  const horizon = Math.max(1, Math.min(season, Math.floor(context.length / 10)))
  const lookback = Math.max(1, Math.min(2 * season, Math.floor(context.length / 4)))
  if (name === 'small') return { ...base(context.workers), layers: [newLayer('lstm', 16)], lookback, horizon }
  if (name === 'large')
    return {
      ...base(context.workers),
      layers: [newLayer('lstm', 128, 0.1), newLayer('lstm', 128, 0.1), newLayer('lstm', 64)],
      lookback: lookback * 2,
      horizon,
      epochs: 300,
      patience: 20,
      optimizer: { kind: 'adamw', lr: 0.001, weightDecay: 1e-4, momentum: 0 },
      schedule: { kind: 'cosine', T: 300 },
    }
  const units = context.length > 2000 ? 64 : 32
  return { ...base(context.workers), layers: [newLayer('lstm', units)], lookback, horizon }
}
