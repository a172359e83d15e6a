import type { LayerSpec, ModelSpec } from '../../engine/index'
import type { EtsVariant } from '../../panel/companion-forecasts'
import type { PanelInputEncoding } from '../../panel/panel-features'
import type { PanelConfig, WindowScaling } from '../../panel/types'
import type { CombinationWeights } from '../../pipeline/combination'
import { MAX_ETS_SEASONAL_PERIOD } from '../../statistics/ets/auto-ets'
import type { Frequency } from '../../timeseries/frequency'

/** metadata_props key (ONNX) and userDefinedMetadata key (TF.js) of a panel export's description. */
export const PANEL_PREPROCESSING_KEY = 'lstm_studio.panel_preprocessing'
export const PANEL_PREPROCESSING_VERSION = 1

/** A global panel model as the exporters read it (what panel-model.json and weights.bin hold). */
export interface PanelExportSource {
  config: Pick<PanelConfig, 'layers' | 'lookback' | 'horizon' | 'minObserved' | 'scaling' | 'deseasonalise'>
  /** The network's shape, as panelSpec gives it: its input size counts every per-step feature. */
  spec: ModelSpec
  /** Every ensemble member's weights, back to back. */
  params: Float32Array
  /** The static attributes' and calendar inputs' encoding (null: value and flag only). */
  inputs: PanelInputEncoding | null
  members: number
  period: number
  /** The network's combination with ETS and Theta (validation's weights; network 1 = alone). */
  combination: CombinationWeights
  /** Which ETS the companions fit ('adjusted': non-seasonal candidates on the adjusted series, for big panels). */
  etsVariant: EtsVariant
  intervals: { levels: number[]; halfWidths: Record<number, (number | null)[]> }
  keyNames: string[]
  target: string
  frequency: Frequency | null
}

/**
 * What lives beside a panel export's graph (preprocessing.json, and the graph's metadata): the
 * steps that need a series' whole history or a second forecaster, which a window-to-forecast graph
 * cannot hold. The recipe is in docs/export-formats.md and every panel model card.
 */
export interface PanelExportPreprocessing {
  kind: 'panel'
  version: typeof PANEL_PREPROCESSING_VERSION
  lookback: number
  horizon: number
  /** Values per input step: value, observed flag, then any further features (passed through unchanged). */
  features: string[]
  /**
   * How the further features are made, per series: each static attribute one-hot over `categories`
   * (then one 'other' input when `other` is not empty; an unseen category is all zeros) or
   * (value − mean) / sd; the calendar as sin and cos of 2π·position/season of each step.
   */
  inputs: PanelInputEncoding | null
  layers: LayerSpec[]
  /** Networks averaged inside the graph. */
  members: number
  /** Observed points a series needs for the network; shorter series are forecast by Theta alone. */
  minObserved: number
  window: {
    scaling: WindowScaling
    /**
     * true (ONNX): the graph reads the raw window and answers in its units. false (TF.js): the graph
     * reads the scaled window and answers on the scaled scale; scale and un-scale around it.
     */
    inGraph: boolean
    /**
     * false: the graph outputs the members' mean [batch, horizon]. true (TF.js, log scaling, several
     * members): it outputs every member's forecast side by side [batch, members · horizon]; un-scale
     * each, then average, since the mean of exp is not the exp of the mean.
     */
    membersSideBySide: boolean
  }
  seasonality: {
    /** Divide each series by its classical multiplicative indices before the network, multiply back after. */
    deseasonalise: boolean
    period: number
    /** M4's test: seasonal when |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²)/n), n ≥ 3m and every value > 0. */
    test: { critical: number; minSeasons: number }
  }
  /**
   * forecast = network·w.network + ETS·w.ets + Theta·w.theta, per series, ETS (R's automatic ets(),
   * seasonal at `period` when it is ≤ etsMaxSeasonalPeriod) and Theta (M4's) fitted on the series'
   * history; a companion that cannot be fitted gives its weight to the network. With etsVariant
   * 'adjusted' (a panel too big for the full candidate set) ETS fits only the non-seasonal candidates
   * on the seasonally adjusted series and the season is put back.
   */
  combination: CombinationWeights & { period: number; etsMaxSeasonalPeriod: number; etsVariant: EtsVariant }
  /** interval = forecast ± halfWidths[level][k] × scale, scale = mean |y_t − y_{t−1}| of the history (1 if 0). */
  intervals: { levels: number[]; halfWidths: Record<number, (number | null)[]> }
  keyNames: string[]
  target: string
  frequency: Frequency | null
}

export function panelFeatureNames(inputSize: number, inputs: PanelInputEncoding | null = null): string[] {
  const named = ['value', 'observed', ...(inputs ? encodedNames(inputs) : [])]
  // Inputs no encoding names (a model from elsewhere) keep their position as their name.
  return [
    ...named,
    ...Array.from({ length: inputSize - named.length }, (_, i) => `feature.${named.length + i}`),
  ]
}

/** `type=MICRO`, `type=other`, `size (standardised)`, `season.sin`, `season.cos`, `promo (h ahead)`… in input order. */
function encodedNames(inputs: PanelInputEncoding): string[] {
  const names = inputs.static.flatMap((e) =>
    e.kind === 'numeric'
      ? [`${e.name} (standardised)`]
      : [...e.categories.map((c) => `${e.name}=${c}`), ...(e.other.length > 0 ? [`${e.name}=other`] : [])],
  )
  const calendar = inputs.calendar ? ['season.sin', 'season.cos'] : []
  const future = (inputs.future ?? []).map((f) => `${f.name} (h ahead, standardised)`)
  return [...names, ...calendar, ...future]
}

export interface PanelGraphShape {
  scalingInGraph: boolean
  membersSideBySide: boolean
}

export function describePanelPreprocessing(
  source: PanelExportSource,
  graph: PanelGraphShape,
): PanelExportPreprocessing {
  const { config } = source
  return {
    kind: 'panel',
    version: PANEL_PREPROCESSING_VERSION,
    lookback: config.lookback,
    horizon: config.horizon,
    features: panelFeatureNames(source.spec.inputSize, source.inputs),
    inputs: source.inputs ? structuredClone(source.inputs) : null,
    layers: structuredClone(source.spec.layers),
    members: source.members,
    minObserved: config.minObserved,
    window: {
      scaling: config.scaling,
      inGraph: graph.scalingInGraph,
      membersSideBySide: graph.membersSideBySide,
    },
    seasonality: {
      deseasonalise: config.deseasonalise,
      period: source.period,
      test: { critical: 1.645, minSeasons: 3 },
    },
    combination: {
      ...source.combination,
      period: source.period,
      etsMaxSeasonalPeriod: MAX_ETS_SEASONAL_PERIOD,
      etsVariant: source.etsVariant,
    },
    intervals: structuredClone(source.intervals),
    keyNames: [...source.keyNames],
    target: source.target,
    frequency: source.frequency ? { ...source.frequency } : null,
  }
}
