import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { frenchPlural } from '../../../renderer/src/i18n/plural'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import { runProgress } from '../../../renderer/src/screens/train/run-progress'
import type { NetworkProgress } from '../../../renderer/src/screens/train/run-progress'

const network = (jobId: string, state: NetworkProgress['state'], epoch: number, liveEpochs = epoch) => ({
  jobId,
  state,
  epoch,
  epochs: 100,
  liveEpochs,
})

const progress = (jobId: string, epoch: number, batch: number) => ({
  jobId,
  epoch,
  batch,
  batches: 4,
  trainLoss: 1,
  learningRate: 0.01,
  gradNorm: 1,
  windowsPerSec: 1,
  etaSeconds: 1,
})

describe("a run's progress", () => {
  it('is 100 % with the real epochs once an Auto run whose networks stopped early has finished', () => {
    const result = runProgress({
      state: 'completed',
      epochs: 500,
      epochsDone: 0,
      progress: progress('b', 11, 3),
      networks: [network('a', 'stopped', 14), network('b', 'completed', 12), network('c', 'stopped', 3, 9)],
    })
    expect(result).toEqual({ done: 35, total: 35, fraction: 1, finished: true })
  })

  it('counts an early-stopped network for the epochs it trained while the others go on', () => {
    const result = runProgress({
      state: 'running',
      epochs: 200,
      epochsDone: 0,
      progress: progress('b', 4, 1),
      networks: [network('a', 'stopped', 10), network('b', 'running', 2, 4)],
    })
    expect(result.total).toBe(110)
    expect(result.done).toBeCloseTo(14.5)
    expect(result.finished).toBe(false)
  })

  it('follows a lone job through its progress events', () => {
    const running = runProgress({
      state: 'running',
      epochs: 10,
      epochsDone: 2,
      progress: progress('x', 2, 1),
      networks: [],
    })
    expect(running.fraction).toBeCloseTo(0.25)
    const stopped = runProgress({ state: 'stopped', epochs: 10, epochsDone: 6, progress: null, networks: [] })
    expect(stopped).toEqual({ done: 6, total: 6, fraction: 1, finished: true })
  })
})

describe('the finished label', () => {
  const i18n = createI18n({
    legacy: false,
    locale: 'en',
    messages: { en, fr },
    pluralRules: { fr: frenchPlural },
  })
  const { t, locale } = i18n.global

  it('is plural-aware in English and French', () => {
    expect(t('train.finishedEpochs', { n: 1 }, 1)).toBe('Finished: 1 epoch trained')
    expect(t('train.finishedEpochs', { n: 35 }, 35)).toBe('Finished: 35 epochs trained')
    locale.value = 'fr'
    expect(t('train.finishedEpochs', { n: 0 }, 0)).toBe('Terminé : 0 époque entraînée')
    expect(t('train.finishedEpochs', { n: 35 }, 35)).toBe('Terminé : 35 époques entraînées')
  })
})
