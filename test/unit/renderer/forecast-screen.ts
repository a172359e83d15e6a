import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import type { Reply } from '../../../electron/api/envelope'
import type { ForecastView, ModelEvaluation } from '../../../electron/api/requests/models'
import { createClient } from '../../../renderer/src/api/client'
import type { Transport } from '../../../renderer/src/api/transport'
import { provideApi } from '../../../renderer/src/api/use-api'
import { useForecast } from '../../../renderer/src/screens/forecast/use-forecast'
import { useNotices } from '../../../renderer/src/stores/notices'
import { useProject } from '../../../renderer/src/stores/project'

/** The Forecast screen's logic over the real API client, with a transport the test answers by hand. */

export interface Pending {
  name: string
  args: { modelId?: string }
  answer(reply: Reply): void
}

/** A transport whose replies the test hands out one by one, in any order. */
export function controllableTransport(): Transport & {
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

export const evaluationOf = (modelId: string): Reply => ({
  ok: true,
  result: { name: modelId } as unknown as ModelEvaluation,
})
export const forecastOf = (modelId: string): Reply => ({
  ok: true,
  result: { forecastId: `f-${modelId}`, modelId } as unknown as ForecastView,
})

export async function forecastScreen() {
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
