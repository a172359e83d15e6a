/** `training.start` arguments for contract tests: a tiny network on a placeholder dataset. */
export const SMALL_TRAINING = {
  source: { projectId: 'p', datasetId: 'd', targets: ['sales'] },
  config: {
    layers: [{ units: 8 }],
    lookback: 14,
    horizon: 7,
    batchSize: 16,
    epochs: 3,
    optimizer: { lr: 0.01 },
  },
}
