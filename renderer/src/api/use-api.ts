import { inject } from 'vue'
import type { App, InjectionKey } from 'vue'
import type { ApiClient } from './client'

const apiKey: InjectionKey<ApiClient> = Symbol('lstm-api')

export function provideApi(app: App, client: ApiClient): void {
  app.provide(apiKey, client)
}

export function useApi(): ApiClient {
  const client = inject(apiKey)
  if (!client) throw new Error('useApi() called outside the LSTM Studio app')
  return client
}
