import type { Frequency, FrequencyUnit } from '../../../worker/timeseries/frequency'

const SINGLE: Record<FrequencyUnit, string> = {
  second: 'every second',
  minute: 'every minute',
  hour: 'hourly',
  day: 'daily',
  businessDay: 'business-daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'yearly',
}

const UNIT_WORD: Record<FrequencyUnit, string> = {
  second: 'second',
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  businessDay: 'business-day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
}

/** "monthly", "30-minute", "2-week"; prefixed with "irregular" when the gaps do not keep to it. */
export function frequencyLabel(frequency: Frequency | null, irregular: boolean): string {
  if (!frequency) return 'unknown'
  const base =
    frequency.step === 1 ? SINGLE[frequency.unit] : `${frequency.step}-${UNIT_WORD[frequency.unit]}`
  return irregular ? `irregular ${base}` : base
}
