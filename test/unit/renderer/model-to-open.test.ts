import { describe, expect, it } from 'vitest'
import { modelToOpen } from '../../../renderer/src/screens/forecast/model-to-open'

const models = [
  { id: 'm-old', runId: 'run-old' },
  { id: 'm-new', runId: 'run-new' },
  { id: 'm-later', runId: 'run-later' },
]

describe('the model the Forecast screen opens', () => {
  it('is the model of the run just trained, even with another one shown and later ones listed', () => {
    expect(modelToOpen(models, 'm-old', 'run-new', null)).toEqual({ modelId: 'm-new', openedRun: 'run-new' })
  })

  it('lets the user pick another model once the trained one has been opened', () => {
    expect(modelToOpen(models, 'm-old', 'run-new', 'run-new')).toEqual({
      modelId: 'm-old',
      openedRun: 'run-new',
    })
  })

  it('keeps the shown model while no trained model is ready, else opens the latest', () => {
    expect(modelToOpen(models, 'm-old', 'run-pending', null).modelId).toBe('m-old')
    expect(modelToOpen(models, 'deleted', null, null).modelId).toBe('m-later')
    expect(modelToOpen([], 'deleted', null, null).modelId).toBeNull()
  })
})
