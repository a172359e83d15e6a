import { createI18n } from 'vue-i18n'
import en from './locales/en'
import fr from './locales/fr'
import { frenchPlural } from './plural'

export type Locale = 'en' | 'fr'
export const supportedLocales: Locale[] = ['en', 'fr']

const storageKey = 'lstm-studio.locale'

/** The user's last choice, else the system language when we speak it, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey)
  if (stored === 'en' || stored === 'fr') return stored
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale)
  document.documentElement.lang = locale
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, fr },
  // French counts 0 and 1 as singular ("0 époque"); vue-i18n's default rule is the English one.
  pluralRules: { fr: frenchPlural },
  numberFormats: {
    en: { decimal: { maximumFractionDigits: 3 } },
    fr: { decimal: { maximumFractionDigits: 3 } },
  },
  datetimeFormats: {
    // Series timestamps are UTC calendar dates: shown in UTC so no time zone moves them a day.
    // `moment`: when something happened here (a model saved, a run started), in the viewer's zone.
    en: {
      short: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
      moment: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
    },
    fr: {
      short: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
      moment: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
    },
  },
})
