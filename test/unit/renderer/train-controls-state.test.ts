// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { createI18n } from 'vue-i18n'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import en from '../../../renderer/src/i18n/locales/en'
import TrainingControls from '../../../renderer/src/screens/train/TrainingControls.vue'
import { useTraining } from '../../../renderer/src/stores/training'
import { SMALL_JOB } from './small-job'

type Listener = (payload: unknown) => void

const status = (state: string) => ({
  jobId: 'run-1',
  state,
  epoch: 2,
  epochs: 10,
  bestEpoch: null,
  bestLoss: null,
})

/**
 * The services answer a control request with the status they had when handling it, and the job
 * announces its new state in an event that can reach the screen before that reply.
 */
function setup(replies: Record<string, { eventFirst?: string; reply: string }>) {
  const listeners = new Map<string, Listener[]>()
  const emit = (name: string, payload: object) => listeners.get(name)?.forEach((l) => l(payload))
  const call = vi.fn(async (name: string) => {
    if (name === 'training.start') return status('running')
    const action = replies[name]
    if (!action) return undefined
    if (action.eventFirst) emit('training.state', { jobId: 'run-1', state: action.eventFirst })
    return status(action.reply)
  })
  const client = {
    transport: 'websocket',
    call,
    on: (name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return () => undefined
    },
  } as unknown as ApiClient
  const app = createApp({})
  const pinia = createPinia()
  provideApi(app, client)
  app.use(pinia)
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  const training = app.runWithContext(() => useTraining())
  return { training, emit, pinia, i18n }
}

describe('the Train screen after pause and resume', () => {
  it('says running and offers Pause once resumed, even when the event overtakes the reply', async () => {
    const { training, emit, pinia, i18n } = setup({
      'training.pause': { reply: 'running' },
      'training.resume': { eventFirst: 'running', reply: 'paused' },
    })
    await training.start(SMALL_JOB)
    const controls = mount(TrainingControls, { global: { plugins: [pinia, i18n] } })

    await training.control('pause')
    emit('training.state', { jobId: 'run-1', state: 'paused' })
    await controls.vm.$nextTick()
    expect(training.state).toBe('paused')
    expect(controls.find('[data-testid="train-resume"]').exists()).toBe(true)

    await training.control('resume')
    await controls.vm.$nextTick()
    expect(training.state).toBe('running')
    const pause = controls.find('[data-testid="train-pause"]')
    expect(pause.text()).toBe('Pause')
    expect(pause.attributes('disabled')).toBeUndefined()
  })

  it("takes the reply's state when no event came while waiting", async () => {
    const { training } = setup({ 'training.stop': { reply: 'stopped' } })
    await training.start(SMALL_JOB)
    await training.control('stop')
    expect(training.state).toBe('stopped')
  })
})
