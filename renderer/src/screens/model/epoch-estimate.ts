/**
 * Rough seconds per epoch: multiply-adds of forward and backward passes over every training
 * window, at a throughput measured loosely on the WASM backend. Shown as an order of magnitude.
 */
export function estimateEpochSeconds(options: {
  /** Trainable weights of the network (each is used once per step of a window). */
  parameters: number
  lookback: number
  windows: number
  workers: number
}): number {
  const flopsPerWindow = 6 * options.parameters * options.lookback
  const flopsPerSecondPerWorker = 1.5e9
  return (flopsPerWindow * options.windows) / (flopsPerSecondPerWorker * Math.max(1, options.workers))
}
