import type { PanelConfig } from '../../../worker/panel/types'

/** A global network small and quick enough for a test to train in a second or so, with room to learn one clear effect. */
export const SMALL_PANEL: Partial<PanelConfig> = {
  layers: [{ cell: 'lstm', units: 8, dropout: 0 }],
  lookback: 4,
  minObserved: 1,
  deseasonalise: false,
  windowsPerEpoch: 256,
  epochs: 40,
  patience: 40,
  batchSize: 32,
  lr: 0.02,
  ensemble: 1,
}
