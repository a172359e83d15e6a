// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { i18n } from '../../../renderer/src/i18n'
import InsideView from '../../../renderer/src/screens/inside/InsideView.vue'
import { formatValue } from '../../../renderer/src/screens/inside/format'
import { engineTrace } from './engine-trace'

// happy-dom has no 2D canvas: a stand-in Chart keeps what the gradient chart is given.
const { charts } = vi.hoisted(() => {
  const charts: Array<{ data: { datasets: Array<{ label: string }> } }> = []
  return { charts }
})
vi.mock('chart.js', () => ({
  Chart: class {
    static register = () => undefined
    data: { datasets: Array<{ label: string }> }
    constructor(_canvas: unknown, config: { data: { datasets: Array<{ label: string }> } }) {
      this.data = config.data
      charts.push(this)
    }
    update() {}
    destroy() {}
  },
  LineController: {},
}))
vi.mock('../../../renderer/src/shared/chart-setup', () => ({}))

type Listener = (payload: unknown) => void

/** The main side as the view sees it, answering with a trace the engine really computed. */
function fakeApi() {
  const { engine, view } = engineTrace(['lstm'])
  const listeners = new Map<string, Listener[]>()
  const emit = (name: string, payload: object) =>
    listeners.get(name)?.forEach((listener) => listener(payload))
  const dataset = { id: 'ds-1', name: 'AirPassengers', columnRoles: { date: 'time', value: 'target' } }
  const model = { id: 'run-1', name: 'LSTM 8 · value' }
  let trained = false
  const call = vi.fn(async (name: string, args: Record<string, unknown>) => {
    if (name === 'projects.get') return { manifest: { models: trained ? [model] : [], datasets: [dataset] } }
    if (name === 'training.start') {
      // A quick run is saved before its start request answers: the view must not miss it.
      trained = true
      emit('models.ready', { projectId: 'p-1', modelId: 'run-1', runId: 'run-1' })
      return { jobId: 'run-1', state: 'queued' }
    }
    if (name === 'inside.trace') return { ...view, origin: args.origin === 0 ? 24 : 60 }
    if (name === 'inside.compare') {
      // The RNN's oldest step keeps 1/300 of its last step's gradient, the LSTM's 1/4 (1/2 at first).
      const curve = (cell: string, stage: string, oldest: number) => ({
        cell,
        stage,
        gradNorm: [oldest / 10, 0.05, 0.1],
        relative: [oldest, 0.5, 1],
        finalTrainLoss: stage === 'trained' ? 0.5 : null,
      })
      const example = args.example as string
      return {
        modelId: 'run-1',
        example,
        steps: 3,
        epochs: 5,
        seeds: 3,
        curves: [
          curve('rnn', 'initial', 1 / 50),
          curve('rnn', 'trained', 1 / 300),
          curve('lstm', 'initial', 1 / 2),
          curve('lstm', 'trained', example === 'longMemory' ? 1 / 2 : 1 / 4),
        ],
      }
    }
    throw new Error(`unexpected request ${name}`)
  })
  const client = {
    transport: 'websocket',
    call,
    on: (name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return () =>
        listeners.set(
          name,
          (listeners.get(name) ?? []).filter((l) => l !== listener),
        )
    },
  } as unknown as ApiClient
  return { client, call, engine }
}

function mountView(client: ApiClient) {
  i18n.global.locale.value = 'en'
  return mount(InsideView, {
    props: { projectId: 'p-1' },
    global: { plugins: [i18n, { install: (app) => provideApi(app, client) }] },
  })
}

describe('InsideView', () => {
  it('trains the small model on the first dataset’s target, then shows the engine’s values', async () => {
    const { client, call, engine } = fakeApi()
    const wrapper = mountView(client)
    await flushPromises()
    await wrapper.get('[data-testid="inside-train-small"]').trigger('click')
    await flushPromises()

    const start = call.mock.calls.find(([name]) => name === 'training.start')?.[1] as {
      source: { datasetId: string; targets: string[] }
    }
    expect(start.source).toEqual({ projectId: 'p-1', datasetId: 'ds-1', targets: ['value'] })
    // The slider spans the origins the engine accepted: 24 (asked for 0) to 60 (the latest).
    const origin = wrapper.get('[data-testid="inside-origin"]')
    expect([origin.attributes('min'), origin.attributes('max')]).toEqual(['24', '60'])

    // The last step is shown first; the diagram's numbers are the engine's, formatted.
    const layer = engine.layers[0]!
    const last = layer.h.length - 1
    expect(wrapper.get('[data-testid="inside-diagram-f"]').text()).toBe(
      formatValue('en', layer.gates.f![last]![0]!),
    )
    expect(wrapper.get('[data-testid="inside-diagram-c"]').text()).toBe(
      formatValue('en', layer.c![last]![0]!),
    )
    await wrapper.get('[data-testid="inside-unit"]').setValue('2')
    await wrapper.get('[data-testid="inside-step"]').setValue('3')
    expect(wrapper.get('[data-testid="inside-diagram-h"]').text()).toBe(formatValue('en', layer.h[3]![2]!))
    expect(wrapper.get('[data-testid="inside-diagram-cprev"]').text()).toBe(
      formatValue('en', layer.c![2]![2]!),
    )
  })

  it('overlays the RNN and LSTM curves of the comparison on the model’s own', async () => {
    const { client } = fakeApi()
    const wrapper = mountView(client)
    await flushPromises()
    await wrapper.get('[data-testid="inside-train-small"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-curves]').attributes('data-curves')).toBe('model')
    await wrapper.get('[data-testid="inside-compare"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-curves]').attributes('data-curves')).toBe(
      'model rnn-initial lstm-initial rnn lstm',
    )
    expect(charts.at(-1)?.data.datasets.map((dataset) => dataset.label)).toEqual([
      'This model (layer 1)',
      'RNN at initialisation',
      'LSTM at initialisation',
      'RNN trained 5 epochs (final loss 0.500)',
      'LSTM trained 5 epochs (final loss 0.500)',
    ])
    const result = wrapper.get('[data-testid="inside-compare-result"]')
    expect(result.text()).toContain(
      'the RNN’s gradient at step 1 is 1/300 of its last step’s; the LSTM’s is 1/4. At initialisation: 1/50 and 1/2.',
    )
    expect(result.text()).toContain('The LSTM carries 75× more of it back to the oldest step')
    expect(result.attributes('data-verdict')).toBe('lstmKeeps')
    // Every curve is relative to its own last step: the model's ends at 1 too.
    const own = (charts.at(-1)?.data.datasets[0] as unknown as { data: Array<{ y: number | null }> }).data
    expect(own.at(-1)?.y).toBe(1)

    await wrapper.get('[data-testid="inside-long-memory"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="inside-compare-result"]').text()).toContain('Long-memory example')
    expect(wrapper.find('[data-testid="inside-long-memory"]').exists()).toBe(false)
  })
})
