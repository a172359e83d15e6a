import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { TrainingCandidate } from '../../../electron/api/requests/training-auto'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import { frenchPlural } from '../../../renderer/src/i18n/plural'
import { networkRow } from '../../../renderer/src/screens/train/network-state'
import { explainStop } from '../../../renderer/src/screens/train/stop-explanation'

describe('why a network stopped', () => {
  it('names the epoch early stopping ended it at, how long it waited and the epoch it kept', () => {
    expect(explainStop('completed', 400, 12, 3)).toEqual({
      cause: 'early',
      stoppedAt: 12,
      kept: 4,
      waited: 8,
    })
    expect(explainStop('stopped', 400, 12, 3)?.cause).toBe('user')
  })

  it('says nothing while training, after all its epochs, or before its curve is known', () => {
    expect(explainStop('running', 400, 12, 3)).toBeNull()
    expect(explainStop('completed', 50, 50, 40)).toBeNull()
    expect(explainStop('completed', 400, 0, null)).toBeNull()
  })

  it('reads well in English and French', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'en',
      messages: { en, fr },
      pluralRules: { fr: frenchPlural },
    })
    const { t, locale } = i18n.global
    const stop = explainStop('completed', 400, 12, 3)!
    expect(t('train.stoppedEarly', { ...stop }, stop.waited)).toBe(
      'Stopped at epoch 12: no improvement for 8 epochs; kept epoch 4, the best on validation.',
    )
    locale.value = 'fr'
    const once = explainStop('completed', 400, 5, 3)!
    expect(t('train.stoppedEarly', { ...once }, once.waited)).toBe(
      'Arrêté à l’époque 5 : aucune amélioration depuis 1 époque ; l’époque 4, la meilleure en validation, est conservée.',
    )
  })
})

describe("a network's row in the list", () => {
  const network = (state: TrainingCandidate['state'], epoch: number, epochs: number) =>
    ({
      jobId: 'j',
      role: { stage: 'final', member: 1, members: 1 },
      state,
      epoch,
      epochs,
    }) as TrainingCandidate

  it('counts the epoch events received since the last status, and names early stopping', () => {
    expect(networkRow(network('completed', 0, 4), 4)).toEqual({ stateKey: 'completed', epoch: 4, epochs: 4 })
    expect(networkRow(network('completed', 6, 400), 0)).toEqual({
      stateKey: 'stoppedEarly',
      epoch: 6,
      epochs: 400,
    })
    expect(networkRow(network('running', 2, 400), 5).stateKey).toBe('running')
  })
})
