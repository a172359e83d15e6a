import type { ModelEvaluation } from '../../../electron/api/requests/models'

type Frequency = NonNullable<ModelEvaluation['frequency']>

type Translate = (key: string, plural: number, named: Record<string, unknown>) => string

/** "monthly", "every 30 minutes", "toutes les 30 minutes"… */
export function describeFrequency(t: Translate, frequency: Frequency | null): string {
  if (!frequency) return t('frequency.steps', 1, {})
  return t(`frequency.${frequency.unit}`, frequency.step === 1 ? 1 : 2, { step: frequency.step })
}
