// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import type { Reply } from '../../../electron/api/envelope'
import type { ForecastView, ModelEvaluation } from '../../../electron/api/requests/models'
import { createClient } from '../../../renderer/src/api/client'
import type { Transport } from '../../../renderer/src/api/transport'
import { provideApi } from '../../../renderer/src/api/use-api'
import { useForecast } from '../../../renderer/src/forecast/use-forecast'
import { useNotices } from '../../../renderer/src/stores/notices'
import { useProject } from '../../../renderer/src/stores/project'

interface Pending {
  name: string
  args: { modelId?: string }
  answer(reply: Reply): void
}

/** A transport whose replies the test hands out one by one, in any order. */
function controllableTransport(): Transport & {
  pending: Pending[]
  take(name: string, modelId?: string): Pending
} {
  const pending: Pending[] = []
  return {
    kind: 'websocket',
    pending,
    request: (name, args) =>
      new Promise<Reply>((resolve) => pending.push({ name, args: args as Pending['args'], answer: resolve })),
    onEvent: () => () => undefined,
    take(name, modelId) {
      const index = pending.findIndex((p) => p.name === name && (!modelId || p.args.modelId === modelId))
      if (index < 0) throw new Error(`no pending ${name} ${modelId ?? ''}`)
      return pending.splice(index, 1)[0]
    },
  }
}

const evaluationOf = (modelId: string) => ({
  ok: true as const,
  result: { name: modelId } as unknown as ModelEvaluation,
})
const forecastOf = (modelId: string) => ({
  ok: true as const,
  result: { forecastId: `f-${modelId}`, modelId } as unknown as ForecastView,
})

async function forecastScreen() {
  const transport = controllableTransport()
  const app = createApp({})
  provideApi(app, createClient(transport))
  app.use(createPinia())
  const project = app.runWithContext(() => useProject())
  const opening = project.open('/projects/p')
  transport.take('projects.open').answer({
    ok: true,
    result: { projectId: 'p', path: '/projects/p', readOnly: false, lockedBy: null, manifest: {} },
  })
  await flushPromises()
  transport.take('projects.recent').answer({ ok: true, result: [] })
  await opening
  const flow = app.runWithContext(() => useForecast())
  const notices = app.runWithContext(() => useNotices())
  return { transport, flow, notices }
}

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
