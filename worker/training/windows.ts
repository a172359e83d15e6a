/** Windows as flat row-major arrays: x [count, lookback, inputSize], y [count, horizon]. */
export interface WindowSet {
  x: ArrayLike<number>
  y: ArrayLike<number>
}

/** The data of one job, already windowed and scaled by the caller. */
export interface TrainingWindows {
  /** Features per time step (target plus covariates). */
  inputSize: number
  /** Values the network writes per window (default the horizon); a several-target head writes the horizon per target. */
  outputSize?: number
  train: WindowSet
  validation?: WindowSet | null
}

/** Window count of a set, after checking that x and y agree with the shapes. */
export function countWindows(
  set: WindowSet,
  lookback: number,
  horizon: number,
  inputSize: number,
  what: string,
): number {
  const count = set.y.length / horizon
  if (!Number.isInteger(count) || count === 0) {
    throw new Error(
      `${what} targets have ${set.y.length} values, expected a positive multiple of the horizon ${horizon}`,
    )
  }
  const expected = count * lookback * inputSize
  if (set.x.length !== expected) {
    throw new Error(
      `${what} inputs have ${set.x.length} values, expected ${count} windows × ${lookback} steps × ${inputSize} features`,
    )
  }
  return count
}

/** Refuses data that does not match the configuration, so `start` fails at once rather than the job later. */
export function assertWindowShapes(
  windows: TrainingWindows,
  settings: { lookback: number; spec: { inputSize: number; outputSize: number } },
): void {
  if (!Number.isInteger(windows.inputSize) || windows.inputSize < 1) {
    throw new Error(`inputSize must be a positive integer, got ${windows.inputSize}`)
  }
  const outputs = settings.spec.outputSize
  if (!Number.isInteger(outputs) || outputs < 1)
    throw new Error(`outputSize must be a positive integer, got ${outputs}`)
  if (windows.inputSize !== settings.spec.inputSize)
    throw new Error(
      `the windows have ${windows.inputSize} features, the model reads ${settings.spec.inputSize}`,
    )
  countWindows(windows.train, settings.lookback, outputs, windows.inputSize, 'Training')
  if (windows.validation) {
    countWindows(windows.validation, settings.lookback, outputs, windows.inputSize, 'Validation')
  }
}
