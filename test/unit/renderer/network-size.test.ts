import { describe, expect, it } from 'vitest'
import { parameterCounts } from '../../../electron/api/parameter-count'
import { trainingStartArgsSchema } from '../../../electron/api/requests/training'
import { toPipelineConfig } from '../../../electron/services/forecasting/pipeline-config'
import { prepare } from '../../../worker/pipeline/index'
import { paramCount } from '../../../worker/engine/index'
import type { SeriesInput } from '../../../worker/pipeline/index'
import {
  newLayer,
  toForecastingSettings,
  toTrainingConfig,
  type ModelDraft,
} from '../../../renderer/src/screens/model/draft'
import { networkSizes } from '../../../renderer/src/screens/model/network-size'
import { initialDraft, sizedPreset } from '../../../renderer/src/screens/model/presets'
import { monthly, seasonalSeries } from '../pipeline/helpers'

/** 96 months of two targets and a price; the price is known ahead (a future covariate) when `ahead`. */
function seriesOf(targets: string[], covariates: string[], ahead: boolean): SeriesInput {
  const values = seasonalSeries(96, 3)
  const column = (name: string, i: number) => ({ name, values: values.map((v) => v * (i + 1) + 7) })
  const named = covariates.map((name, i) => column(name, i + 5))
  return {
    targets: targets.map(column),
    pastCovariates: ahead ? [] : named,
    futureCovariates: ahead ? named : [],
    timestamps: monthly(96),
    frequency: { unit: 'month', step: 1 },
  }
}

/** The weights of the network the services build for the Model screen's draft on this series. */
function pipelineWeights(draft: ModelDraft, targets: string[], covariates: string[]): number {
  const args = trainingStartArgsSchema.parse({
    source: { projectId: 'p', datasetId: 'd', targets, covariates },
    config: toTrainingConfig(draft),
    forecasting: toForecastingSettings(draft),
  })
  const series = seriesOf(targets, covariates, draft.strategy === 'recursive')
  return paramCount(prepare(series, toPipelineConfig(args.config, args.forecasting)).state.spec)
}

const CASES = (['level', 'seasonalResidual', 'etsResidual'] as const).flatMap((targetMode) =>
  (['direct', 'recursive'] as const).flatMap((strategy) =>
    [
      { targets: ['sales'], covariates: [], calendar: [] },
      { targets: ['sales'], covariates: ['price'], calendar: ['month'] },
      { targets: ['sales', 'visits', 'returns'], covariates: ['price'], calendar: [] },
      { targets: ['sales', 'visits'], covariates: [], calendar: ['month'] },
    ].map((source) => ({ targetMode, strategy, ...source })),
  ),
)

describe('the Model screen counts the weights of the network the pipeline trains', () => {
  it.each(CASES)(
    '$targetMode, $strategy, targets $targets, covariates $covariates, calendar $calendar',
    ({ targetMode, strategy, targets, covariates, calendar }) => {
      const draft: ModelDraft = {
        ...sizedPreset('small', initialDraft(1)),
        layers: [newLayer('lstm', 8), newLayer('gru', 5)],
        lookback: 12,
        horizon: 6,
        targetMode,
        strategy,
        calendar: calendar as ModelDraft['calendar'],
        validation: { value: 12, unit: 'count' },
        test: { value: 12, unit: 'count' },
      }
      const [size] = networkSizes(draft, { targets, covariates })
      expect(size!.mode).toBe(targetMode)
      expect(size!.counts.total).toBe(pipelineWeights(draft, targets, covariates))
    },
  )

  it('counts every network of an Auto run, the residual ones reading a seasonal difference per target', () => {
    const draft = { ...sizedPreset('small', initialDraft(1)), horizon: 12, targetMode: 'auto' as const }
    const sizes = networkSizes(draft, { targets: ['sales', 'visits'], covariates: [] })
    expect(sizes.map((size) => size.mode)).toEqual(['level', 'seasonalResidual', 'etsResidual'])
    const [level, residual, etsResidual] = sizes.map((size) => size.counts)
    expect(etsResidual).toEqual(residual)
    // One LSTM of 16 on 2 inputs (levels) or 4 (and their seasonal differences); head 16·24 + 24.
    expect(level!.layers).toEqual([4 * 16 * (2 + 16) + 8 * 16])
    expect(residual!.layers).toEqual([4 * 16 * (4 + 16) + 8 * 16])
    expect(level!.head).toBe(16 * 24 + 24)
    expect(residual!.total - level!.total).toBe(4 * 16 * 2)
  })

  it('counts each layer on its own inputs: four gate blocks for an LSTM, three for a GRU, one for an RNN', () => {
    const counts = parameterCounts({
      source: { targets: ['value'], covariates: ['price', 'promo'] },
      config: {
        layers: [
          { cell: 'lstm', units: 16 },
          { cell: 'gru', units: 8 },
          { cell: 'rnn', units: 4 },
        ],
        horizon: 12,
      },
      forecasting: { targetMode: 'level', strategy: 'recursive', calendar: ['month'] },
    })
    // Inputs: the target, two covariates, sine and cosine of the month. Recursive: one step per call.
    expect(counts).toEqual({
      layers: [4 * 16 * (5 + 16) + 8 * 16, 3 * 8 * (16 + 8) + 6 * 8, 4 * (8 + 4) + 2 * 4],
      head: 4 * 1 + 1,
      total: 4 * 16 * 21 + 8 * 16 + (3 * 8 * 24 + 6 * 8) + (4 * 12 + 2 * 4) + 5,
    })
  })

  it('is no count at all for settings that make no network', () => {
    const source = { targets: ['value'], covariates: [] }
    expect(networkSizes({ ...initialDraft(1), layers: [] }, source)).toEqual([])
    expect(networkSizes({ ...initialDraft(1), layers: [newLayer('lstm', Number.NaN)] }, source)).toEqual([])
  })
})
