// First: the schemas other modules build at load time must not probe for eval (see zod-config.ts).
import './zod-config'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createClient, detectTransport } from './api/client'
import { provideApi } from './api/use-api'
import { i18n, rememberLocale } from './i18n'
import type { Locale } from './i18n'
import './styles/theme.css'

const app = createApp(App)
provideApi(app, createClient(detectTransport()))
app.use(createPinia())
app.use(i18n)
rememberLocale(i18n.global.locale.value as Locale)
app.mount('#app')
