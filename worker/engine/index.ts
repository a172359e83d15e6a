/** Public surface of the recurrent engine. Import from here, not from the individual files. */
export type {
  Backend,
  Batch,
  CellType,
  FloatArray,
  GradientOptions,
  LayerSpec,
  LossKind,
  ModelSpec,
  ParamEntry,
  ParamLayout,
  Precision,
} from './types'
export { gateCount, layerInputSize, validateSpec } from './spec'
export { findParam, layoutSize, paramCount, paramLayout, paramNameAt } from './layout'
export { mulberry32, nextSeed, normalSampler, shuffleInPlace, type Random } from './prng'
export { allocateFloats, precisionOf } from './buffers'
export { initializeParams } from './init'
export {
  createModel,
  modelFromJSON,
  modelToJSON,
  type Model,
  type ModelJSON,
  type ModelOptions,
} from './model'
export { createReferenceBackend, type LayerRecord, type ReferenceBackend } from './reference-backend'
export { maskedLossSum, meanLossWithGradient } from './losses'
export { applyMask, fillDropoutMask } from './dropout'
export {
  createOptimizer,
  optimizerStateFromJSON,
  optimizerStateToJSON,
  type AdamConfig,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerStateJSON,
  type SgdConfig,
} from './optimizers'
export { clipGlobalNorm, globalNorm, scaleToNorm } from './clipping'
export { createSchedule, type LrSchedule, type ScheduleConfig } from './schedules'
export { assertFinite, assertFiniteGradients, firstNonFinite, NonFiniteError } from './numerics'
export { inspectWindow, type LayerTrace, type WindowTrace } from './inspect'
