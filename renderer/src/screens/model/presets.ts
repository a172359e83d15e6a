import type { AutoPlan } from '../../../../electron/api/requests/training-auto'
import { newLayer } from './draft'
import type { ModelDraft } from './draft'
import { DEFAULTS } from './settings-schema'
import { fromSplitSize } from './split-size'
import { draftFromSettings } from './settings-draft'

export type PresetName = 'auto' | 'small' | 'large'

/**
 * The draft before any preset is pressed: what `training.start` does with a setting left out, and
 * what it has no default for (the window, the size and pace of training) chosen for a first run:
 * one modest LSTM learning the seasonal-naive correction, stopping early, with clipped gradients,
 * a tenth of the series tested. The seed is fixed so that two first runs agree.
 */
export function initialDraft(workers: number): ModelDraft {
  const { forecasting } = DEFAULTS
  return {
    layers: [newLayer(DEFAULTS.layer.cell, 32)],
    lookback: 20,
    horizon: 10,
    stride: forecasting.stride,
    strategy: forecasting.strategy,
    scaling: forecasting.scaling,
    log: forecasting.log,
    difference: forecasting.difference,
    targetMode: 'seasonalResidual',
    validation: fromSplitSize(forecasting.validation),
    test: { value: 10, unit: 'percent' },
    backtest: { ...forecasting.backtest },
    calendar: [...forecasting.calendar],
    optimizer: { ...DEFAULTS.optimizer, lr: 0.005 },
    schedule: { ...DEFAULTS.schedule },
    batchSize: 32,
    epochs: 100,
    patience: 10,
    clipNorm: 1,
    loss: DEFAULTS.loss,
    seed: 42,
    workers,
  }
}

/**
 * Auto: the pipeline's own rules (`training.autoPlan`, read from the series' length and seasonal
 * period) and both target modes, the better one chosen on validation when the run ends. The
 * window, split and calendar choices the analyst already made for other datasets do not carry over.
 */
export function autoPreset(plan: AutoPlan, workers: number): ModelDraft {
  return {
    ...draftFromSettings(plan.config, plan.forecasting, workers),
    targetMode: 'auto',
    calendar: [],
    schedule: { kind: 'constant' },
  }
}

/** Small and Large are fixed network shapes; they keep the current window, split and target. */
export function sizedPreset(name: 'small' | 'large', current: ModelDraft): ModelDraft {
  const kept = {
    lookback: current.lookback,
    horizon: current.horizon,
    stride: current.stride,
    strategy: current.strategy,
    scaling: current.scaling,
    log: current.log,
    difference: current.difference,
    targetMode: current.targetMode,
    validation: { ...current.validation },
    test: { ...current.test },
    backtest: { ...current.backtest },
    calendar: [...current.calendar],
  }
  const base = initialDraft(current.workers)
  if (name === 'small') return { ...base, ...kept, layers: [newLayer('lstm', 16)] }
  return {
    ...base,
    ...kept,
    layers: [newLayer('lstm', 128, 0.1), newLayer('lstm', 128, 0.1), newLayer('lstm', 64)],
    epochs: 300,
    patience: 20,
    optimizer: { kind: 'adamw', lr: 0.001, weightDecay: 1e-4, momentum: 0 },
    schedule: { kind: 'cosine', T: 300 },
  }
}
