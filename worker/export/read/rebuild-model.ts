import { paramCount, type ModelSpec } from '../../engine/index'
import { calibrationFromJSON, ModelFormatError } from '../../model-format/index'
import { defaultConfig, type PipelineState, type TrainedModel } from '../../pipeline/index'
import { featureNames } from '../preprocessing'
import type { ReadPreprocessing } from './read-preprocessing'

function mismatch(problem: string): never {
  throw new ModelFormatError('MODEL_DAMAGED', `The export is inconsistent: ${problem}.`)
}

const DIFFERENCE_OF_LAG = (lag: number) => (lag === 0 ? 'none' : lag === 1 ? 'first' : 'seasonal')

/**
 * The pipeline state a forecast needs, from the description. Training-only settings (optimizer,
 * epochs, splits…) are not exported and keep the defaults: nothing on the forecast path reads them.
 */
function stateOf(p: ReadPreprocessing, spec: ModelSpec, members: number): PipelineState {
  return {
    config: defaultConfig({
      layers: structuredClone(spec.layers),
      lookback: p.lookback,
      horizon: p.horizon,
      strategy: p.strategy,
      targetMode: p.targetMode,
      residualWeight: p.residualWeight,
      ensemble: members,
      calendar: [...p.calendar],
      transforms: {
        scaling: p.target.scale.kind,
        log: p.target.log.log,
        difference: DIFFERENCE_OF_LAG(p.target.lag),
      },
    }),
    period: p.period,
    spec: structuredClone(spec),
    transform: structuredClone(p.target),
    pastScalers: p.pastCovariates.map((c) => ({ ...c.scaler })),
    futureScalers: p.futureCovariates.map((c) => ({ ...c.scaler })),
    pastNames: p.pastCovariates.map((c) => c.name),
    futureNames: p.futureCovariates.map((c) => c.name),
    ...(p.extraTargets.length > 0
      ? {
          extraTargets: p.extraTargets.map((extra) => ({
            name: extra.name,
            transform: structuredClone(extra.transform),
          })),
        }
      : {}),
  }
}

function checkAgreement(p: ReadPreprocessing, state: PipelineState, members: number): void {
  const { spec } = state
  const rebuilt = featureNames(state)
  if (rebuilt.join('\n') !== p.features.join('\n'))
    mismatch(
      `its inputs are ${p.features.join(', ')} but this version rebuilds ${rebuilt.join(', ')} from the description`,
    )
  if (spec.inputSize !== p.features.length)
    mismatch(`the network reads ${spec.inputSize} features, the description lists ${p.features.length}`)
  const targets = 1 + p.extraTargets.length
  const outputs = (p.strategy === 'direct' ? p.horizon : 1) * targets
  if (spec.outputSize !== p.outputs * targets || spec.outputSize !== outputs)
    mismatch(
      `the network gives ${spec.outputSize} values per call, a ${p.strategy} model of ${targets} target(s) needs ${outputs}`,
    )
  const described = p.layers?.map((l) => `${l.cell} ${l.units}`).join(', ')
  const found = spec.layers.map((l) => `${l.cell} ${l.units}`).join(', ')
  if (described !== undefined && described !== found)
    mismatch(`the description lists layers ${described}, the network has ${found}`)
  if (p.members !== null && p.members !== members)
    mismatch(`the description averages ${p.members} networks, the file holds ${members}`)
}

/**
 * A TrainedModel from an export's description and its network: `spec` as found in the file and
 * `params` every member's weights back to back in engine layout, so forecastAhead runs unchanged.
 */
export function rebuildTrainedModel(
  p: ReadPreprocessing,
  spec: ModelSpec,
  params: Float32Array,
): TrainedModel {
  const members = params.length / paramCount(spec)
  if (!Number.isInteger(members) || members < 1)
    mismatch(`${params.length} weights are not a whole number of ${paramCount(spec)}-weight networks`)
  const state = stateOf(p, spec, members)
  checkAgreement(p, state, members)
  return {
    state,
    params,
    calibration: calibrationFromJSON(p.intervals),
    ...(p.extraTargets.length > 0
      ? { extraCalibrations: p.extraTargets.map((extra) => calibrationFromJSON(extra.intervals)) }
      : {}),
    frequency: p.frequency,
    lastTimestamp: p.lastTimestamp,
  }
}
