import type { Locale as DateFnsLocale } from 'date-fns'
import { enUS, fr } from 'date-fns/locale'

/**
 * The date-fns locale chart.js's date adapter formats axis dates with, so month and day names
 * follow the interface's language ("janv. 2020" in French), not the adapter's English default.
 */
export function dateFnsLocale(locale: string): DateFnsLocale {
  return locale.startsWith('fr') ? fr : enUS
}

/**
 * Options of a time x axis: dates in the interface's language, day boundaries labelled with
 * the date; the tooltip gives the time of day only for series that have one.
 */
export function timeAxis(locale: string, title: string, withTimeOfDay: boolean) {
  return {
    type: 'time' as const,
    title: { display: true, text: title },
    adapters: { date: { locale: dateFnsLocale(locale) } },
    time: {
      // Hours as the language writes them ("1:00 PM", "13:00"); hourly (and finer) axes show the
      // date where a day starts ("Mar 1, 2020", "1 mars 2020"), so a bare midnight is never a riddle.
      displayFormats: { hour: 'p', minute: 'p', day: 'PP' },
      tooltipFormat: withTimeOfDay ? 'PPp' : 'PP',
    },
    ticks: { major: { enabled: true } },
  }
}
