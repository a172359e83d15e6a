import type { TargetTransformJSON } from '../statistics/index'
import { inputFeatureNames, type PipelineState } from '../pipeline/index'
import type { CalibrationJSON, ModelManifest } from './manifest'

/**
 * model.json as format 1 wrote it: the first target's transform and calibration stood apart
 * (`pipeline.transform`, `calibration`), any further targets followed in `pipeline.extraTargets`
 * and `extraCalibrations`, and only training.json named the first target.
 */
interface ManifestV1 extends Omit<ModelManifest, 'version' | 'pipeline' | 'calibrations'> {
  version: 1
  pipeline: Omit<PipelineState, 'targets'> & {
    transform: TargetTransformJSON
    extraTargets?: Array<{ name: string; transform: TargetTransformJSON }>
  }
  calibration: CalibrationJSON
  extraCalibrations?: CalibrationJSON[]
}

/**
 * Format 1 → 2: every target in one list, the first named `firstTargetName` (what training.json
 * recorded, else the column the command line reads by default). The upgraded manifest is then
 * checked like any other; a field format 1 lacked surfaces there as damage.
 */
export function upgradeFormat1(json: unknown, firstTargetName: string): ModelManifest {
  const { pipeline, calibration, extraCalibrations = [], ...rest } = json as ManifestV1
  const { transform, extraTargets = [], ...state } = pipeline
  const upgraded: PipelineState = {
    ...state,
    targets: [{ name: firstTargetName, transform }, ...extraTargets],
  }
  return {
    ...rest,
    version: 2,
    pipeline: upgraded,
    features: inputFeatureNames(upgraded),
    calibrations: [calibration, ...extraCalibrations],
  }
}
