// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { createI18n } from 'vue-i18n'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import en from '../../../renderer/src/i18n/locales/en'
import { useTraining } from '../../../renderer/src/stores/training'
import LossChart from '../../../renderer/src/screens/train/LossChart.vue'
import { SMALL_JOB } from './small-job'

// happy-dom has no 2D canvas: a stand-in Chart records what the component asks of it.
const { FakeChart, charts } = vi.hoisted(() => {
  const charts: Array<InstanceType<typeof FakeChart>> = []
  class FakeChart {
    static register = () => undefined
    updates: Array<string | undefined> = []
    options: { scales: { y: { type: string } } }
    data: { datasets: Array<{ data: unknown[] }> }
    constructor(_canvas: unknown, config: { data: FakeChart['data']; options: FakeChart['options'] }) {
      this.data = config.data
      this.options = config.options
      charts.push(this)
    }
    update(mode?: string) {
      this.updates.push(mode)
    }
    destroy() {}
  }
  return { FakeChart, charts }
})
vi.mock('chart.js', () => ({ Chart: FakeChart, LineController: {} }))
vi.mock('../../../renderer/src/shared/chart-setup', () => ({}))

type Listener = (payload: unknown) => void

/** A client whose events the test emits by hand. */
function fakeClient() {
  const listeners = new Map<string, Listener[]>()
  const client = {
    transport: 'websocket',
    call: vi.fn(async () => ({ jobId: 'job-1', state: 'running', epoch: 0, epochs: 10 })),
    on: (name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return () => undefined
    },
  } as unknown as ApiClient
  const emit = (name: string, payload: object) => listeners.get(name)?.forEach((l) => l(payload))
  return { client, emit }
}

function setup() {
  const { client, emit } = fakeClient()
  const app = createApp({})
  const pinia = createPinia()
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  provideApi(app, client)
  app.use(pinia).use(i18n)
  const store = app.runWithContext(() => useTraining())
  return { app, pinia, i18n, client, emit, store }
}

const progress = (batch: number) => ({
  jobId: 'job-1',
  epoch: 0,
  batch,
  batches: 4,
  trainLoss: 1 / (batch + 1),
  learningRate: 0.01,
  gradNorm: 0.5,
  windowsPerSec: 100,
  etaSeconds: 3,
})

describe('the live loss chart', () => {
  beforeEach(() => (charts.length = 0))

  it('appends events to the same arrays the store started with', async () => {
    const { store, emit } = setup()
    await store.start(SMALL_JOB)
    const batches = store.series.batchTrain
    const validation = store.series.validation
    emit('training.progress', progress(0))
    emit('training.progress', progress(1))
    emit('training.epoch', { jobId: 'job-1', epoch: 0, trainLoss: 0.4, valLoss: 0.5, best: true, lr: 0.01 })
    emit('training.progress', { ...progress(0), jobId: 'another-job' })
    expect(store.series.batchTrain).toBe(batches)
    expect(store.series.validation).toBe(validation)
    expect(batches.map((p) => p.x)).toEqual([0.25, 0.5])
    expect(validation).toEqual([{ x: 1, y: 0.5 }])
    expect(store.series.bestEpoch).toBe(0)
    expect(store.version).toBe(4)
  })

  it('draws every epoch of a group the rate limit held back, in order', async () => {
    const { store, emit } = setup()
    await store.start(SMALL_JOB)
    const epoch = (n: number) => ({
      epoch: n,
      trainLoss: 1 / (n + 1),
      valLoss: 2 / (n + 1),
      best: n === 1,
      lr: 0.01,
    })
    emit('training.epoch', { jobId: 'job-1', ...epoch(2), earlier: [epoch(0), epoch(1)] })
    expect(store.series.epochTrain.map((p) => p.x)).toEqual([1, 2, 3])
    expect(store.series.validation.map((p) => p.y)).toEqual([2, 1, 2 / 3])
    expect(store.series.bestEpoch).toBe(1)
  })

  it('builds the chart once and only calls update("none") per event', async () => {
    const { pinia, i18n, emit, store } = setup()
    await store.start(SMALL_JOB)
    const wrapper = mount(LossChart, {
      props: { series: store.series, version: store.version },
      global: { plugins: [pinia, i18n] },
    })
    expect(charts).toHaveLength(1)
    const chart = charts[0]!
    const datasets = chart.data.datasets
    const dataArrays = datasets.map((d) => d.data)
    for (let batch = 0; batch < 3; batch++) {
      emit('training.progress', progress(batch))
      await wrapper.setProps({ version: store.version })
      await nextFrame()
    }
    expect(charts).toHaveLength(1)
    expect(chart.data.datasets).toBe(datasets)
    expect(chart.data.datasets.map((d) => d.data)).toEqual(dataArrays)
    chart.data.datasets.forEach((d, i) => expect(d.data).toBe(dataArrays[i]))
    expect(dataArrays[0]).toHaveLength(3)
    expect(chart.updates).toEqual(['none', 'none', 'none'])
    // A burst of events within one frame costs one redraw.
    for (let batch = 3; batch < 8; batch++) {
      emit('training.progress', progress(batch))
      await wrapper.setProps({ version: store.version })
    }
    await nextFrame()
    expect(chart.updates).toEqual(['none', 'none', 'none', 'none'])
    expect(dataArrays[0]).toHaveLength(8)
    wrapper.unmount()
  })
})

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}
