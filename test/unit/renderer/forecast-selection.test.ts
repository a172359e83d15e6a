// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { evaluationOf, forecastOf, forecastScreen } from './forecast-screen'

describe('the Forecast screen switching models while replies are on their way', () => {
  it('keeps the evaluation of the model picked last when an earlier reply arrives late', async () => {
    const { transport, flow } = await forecastScreen()
    const first = flow.select('A')
    const second = flow.select('B')
    transport.take('models.evaluation', 'B').answer(evaluationOf('B'))
    await second
    expect(flow.evaluation.value?.name).toBe('B')
    transport.take('models.evaluation', 'A').answer(evaluationOf('A'))
    await first
    expect(flow.modelId.value).toBe('B')
    expect(flow.evaluation.value?.name).toBe('B')
  })

  it('stays busy evaluating the current model when the earlier one answers first', async () => {
    const { transport, flow } = await forecastScreen()
    const first = flow.select('A')
    const second = flow.select('B')
    transport.take('models.evaluation', 'A').answer(evaluationOf('A'))
    await first
    expect(flow.evaluation.value).toBeNull()
    expect(flow.busy.value).toBe('evaluating')
    transport.take('models.evaluation', 'B').answer(evaluationOf('B'))
    await second
    expect(flow.evaluation.value?.name).toBe('B')
    expect(flow.busy.value).toBeNull()
  })

  it('drops a forecast and an error of the previous model', async () => {
    const { transport, flow, notices } = await forecastScreen()
    const selectA = flow.select('A')
    transport.take('models.evaluation', 'A').answer(evaluationOf('A'))
    await selectA
    void flow.makeForecast()
    const selectB = flow.select('B')
    transport.take('models.forecast', 'A').answer(forecastOf('A'))
    await flushPromises()
    expect(flow.forecast.value).toBeNull()
    // Nothing else was asked for model A (no project refresh for a forecast nobody sees).
    expect(transport.pending.map((p) => p.name)).toEqual(['models.evaluation'])

    const selectC = flow.select('C')
    transport.take('models.evaluation', 'B').answer({
      ok: false,
      error: { code: 'MODEL_DAMAGED', message: 'model B is damaged' },
    })
    await selectB
    expect(notices.notices).toEqual([])
    transport.take('models.evaluation', 'C').answer(evaluationOf('C'))
    await selectC
    expect(flow.evaluation.value?.name).toBe('C')
  })
})
