import { paramCount, type ModelSpec } from '../../engine/index'
import { calibrationFromJSON, ModelFormatError } from '../../model-format/index'
import { defaultConfig, networkSpec, type PipelineState, type TrainedModel } from '../../pipeline/index'
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
      ...(p.combination ? { combination: { ...p.combination } } : {}),
      calendar: [...p.calendar],
      // Every target is transformed with the same settings, each with its own fitted numbers.
      transforms: {
        scaling: p.targets[0].transform.scale.kind,
        log: p.targets[0].transform.log.log,
        difference: DIFFERENCE_OF_LAG(p.targets[0].transform.lag),
      },
    }),
    period: p.period,
    spec: structuredClone(spec),
    targets: p.targets.map((target) => ({
      name: target.name,
      transform: structuredClone(target.transform),
      ...(target.companions ? { companions: structuredClone(target.companions) } : {}),
      ...(target.lowerBound === undefined ? {} : { lowerBound: target.lowerBound }),
      ...(target.etsBase ? { etsBase: structuredClone(target.etsBase) } : {}),
    })),
    pastScalers: p.pastCovariates.map((c) => ({ ...c.scaler })),
    futureScalers: p.futureCovariates.map((c) => ({ ...c.scaler })),
    pastNames: p.pastCovariates.map((c) => c.name),
    futureNames: p.futureCovariates.map((c) => c.name),
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
  const targets = p.targets.length
  const { outputSize: outputs } = networkSpec({
    ...state.config,
    targets: state.targets.map((target) => target.name),
    pastCovariates: state.pastNames,
    futureCovariates: state.futureNames,
  })
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
    calibrations: p.targets.map((target) => calibrationFromJSON(target.intervals)),
    frequency: p.frequency,
    lastTimestamp: p.lastTimestamp,
  }
}
