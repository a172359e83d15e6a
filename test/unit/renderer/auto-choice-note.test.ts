// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { AutoChoice } from '../../../electron/api/requests/training-auto'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import AutoChoiceNote from '../../../renderer/src/screens/forecast/AutoChoiceNote.vue'

const i18n = (locale: 'en' | 'fr') => createI18n({ legacy: false, locale, messages: { en, fr } })

const candidates: AutoChoice['candidates'] = [
  { targetMode: 'level', validationMae: 20, residualWeight: 1, epochsRun: 30, folds: 2, state: 'completed' },
  {
    targetMode: 'seasonalResidual',
    validationMae: 12,
    residualWeight: 1,
    epochsRun: 40,
    folds: 2,
    state: 'completed',
  },
]

function note(choice: AutoChoice, locale: 'en' | 'fr' = 'en') {
  return mount(AutoChoiceNote, { props: { choice }, global: { plugins: [i18n(locale)] } })
}

describe("the Forecast screen says what Auto's forecast is made of", () => {
  it('names the weights of a kept combination beside the network alone', () => {
    const wrapper = note({
      method: 'network',
      points: 144,
      chosen: 'seasonalResidual',
      candidates,
      combinations: [
        { network: 1, ets: 0, theta: 0, validationMae: 12, kept: false },
        { network: 0.5, ets: 0.25, theta: 0.25, validationMae: 9.5, kept: true },
      ],
    })
    const text = wrapper.get('[data-testid="auto-combination"]').text()
    expect(text).toContain('network 50%')
    expect(text).toContain('ETS 25%')
    expect(text).toContain('Theta 25%')
    expect(text).toContain('network alone 12')
    expect(text).toMatch(
      /\. Its intervals average the widths measured on validation with those of ETS's own intervals\.$/,
    )
  })

  it('says when fixed weights were kept because the series is too short for validation to rank them', () => {
    const choice: AutoChoice = {
      method: 'network',
      points: 48,
      chosen: 'seasonalResidual',
      candidates,
      combinations: [
        { network: 1, ets: 0, theta: 0, validationMae: 8, kept: false },
        { network: 0.25, ets: 0.375, theta: 0.375, validationMae: 11, kept: true },
      ],
      combinationRule: 'fixed',
    }
    const text = note(choice).get('[data-testid="auto-combination"]').text()
    expect(text).toMatch(/^Forecast combined with statistics at fixed weights: on a series this short/)
    expect(text).toContain('Network 25%')
    expect(text).toContain('ETS 38%')
    const french = note(choice, 'fr').get('[data-testid="auto-combination"]').text()
    expect(french).toMatch(/poids fixes/)
    expect(french).toContain('Ses intervalles font la moyenne des largeurs mesurées en validation')
    // The same weights kept by validation are not described as the short-series rule.
    const byValidation = note({ ...choice, combinationRule: 'lowest' }).get(
      '[data-testid="auto-combination"]',
    )
    expect(byValidation.text()).not.toMatch(/fixed weights/)
  })

  it('says nothing of ETS intervals when ETS has no share in the forecast', () => {
    const text = note({
      chosen: 'seasonalResidual',
      candidates,
      combinations: [
        { network: 1, ets: 0, theta: 0, validationMae: 12, kept: false },
        { network: 0.75, ets: 0, theta: 0.25, validationMae: 9, kept: true },
      ],
    })
      .get('[data-testid="auto-combination"]')
      .text()
    expect(text).toContain('Theta 25%')
    expect(text).not.toContain('intervals')
  })

  it('says nothing of combinations when the network alone was kept', () => {
    const wrapper = note({
      chosen: 'seasonalResidual',
      candidates,
      combinations: [{ network: 1, ets: 0, theta: 0, validationMae: 12, kept: true }],
    })
    expect(wrapper.find('[data-testid="auto-combination"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="auto-choice"]').text()).toContain('seasonal residual')
  })

  it('labels a statistical forecast as such, in English and French', () => {
    const choice: AutoChoice = { method: 'statistical', points: 20, chosen: 'level', candidates: [] }
    expect(note(choice).get('[data-testid="statistical-forecast"]').text()).toMatch(
      /^Statistical forecast, not a network: 20 points are too few/,
    )
    expect(note(choice, 'fr').get('[data-testid="statistical-forecast"]').text()).toMatch(
      /^Prévision statistique, pas un réseau : 20 points/,
    )
    expect(note(choice).find('[data-testid="auto-choice"]').exists()).toBe(false)
  })

  it('compares the kept candidate with every other one, and says how much of the ETS correction it kept', () => {
    const three: AutoChoice['candidates'] = [
      ...candidates,
      {
        targetMode: 'etsResidual',
        validationMae: 10,
        residualWeight: 0.5,
        epochsRun: 20,
        folds: 2,
        state: 'completed',
      },
    ]
    const choice: AutoChoice = { method: 'network', chosen: 'etsResidual', candidates: three }
    const text = note(choice).get('[data-testid="auto-choice"]').text()
    expect(text).toContain(
      'Auto chose ETS residual — validation MAE 10 vs 20 for levels, 12 for seasonal residual',
    )
    expect(text).toContain('ETS correction kept at 50 %')
    expect(note(choice, 'fr').get('[data-testid="auto-choice"]').text()).toContain(
      'Auto a choisi le résidu ETS — MAE de validation 10 contre 20 pour les niveaux, 12 pour le résidu saisonnier',
    )
  })

  it('says equal parts were kept by default when a lower validation error was not clearly lower', () => {
    const third = 1 / 3
    const wrapper = note({
      method: 'network',
      chosen: 'seasonalResidual',
      candidates,
      combinations: [
        { network: 1, ets: 0, theta: 0, validationMae: 20.45, kept: false },
        { network: third, ets: third, theta: third, validationMae: 25, kept: true },
      ],
    })
    const text = wrapper.get('[data-testid="auto-combination"]').text()
    expect(text).toMatch(/^Forecast combined with statistics in equal parts, the default on a short series/)
    expect(text).not.toContain('as validation preferred')
    expect(text).toContain('network alone 20.45')
  })
})
