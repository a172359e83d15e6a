/** `training.start` arguments for store tests: a tiny network on a placeholder dataset. */
export const SMALL_JOB = {
  source: { projectId: 'p', datasetId: 'd', targets: ['value'] },
  config: {
    layers: [{ units: 4 }],
    lookback: 3,
    horizon: 1,
    batchSize: 8,
    epochs: 10,
    optimizer: { lr: 0.01 },
  },
}
