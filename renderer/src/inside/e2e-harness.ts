import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { createClient, detectTransport } from '../api/client'
import { provideApi } from '../api/use-api'
import { i18n } from '../i18n'
import InsideView from './InsideView.vue'

/**
 * Test-only entry, never imported by the app: test/e2e/inside.spec.ts bundles it on the fly
 * to mount the view on the served app's own API while the app does not route #/inside yet
 * (run the spec with INSIDE_HARNESS=1). It opens the sample project, as the app does on start.
 */
async function mountInside(element: HTMLElement): Promise<void> {
  const client = createClient(detectTransport())
  // The app on the page already holds the sample's write lock, so re-opening it comes back
  // read-only while closing the app's session; opening again then gets the lock (bounded).
  let project = await client.call('projects.openSample', {})
  for (let attempt = 0; attempt < 5 && project.readOnly; attempt++) {
    project = await client.call('projects.openSample', {})
  }
  const app = createApp(InsideView, { projectId: project.projectId })
  provideApi(app, client)
  app.use(createPinia())
  app.use(i18n)
  app.mount(element)
}

Object.assign(window, { mountInside })
