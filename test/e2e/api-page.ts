import type { Page } from '@playwright/test'

/**
 * Sends a raw request from inside the page, through whichever transport the page has —
 * the preload bridge in Electron, a WebSocket (with the page's token) in the browser — so
 * a spec can check what the API does with arguments the typed client would never send.
 */
export function rawRequest(page: Page, name: string, args: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ name, args }) => {
      const bridge = (window as unknown as { lstm?: { invoke(n: string, a: unknown): Promise<unknown> } })
        .lstm
      if (bridge) return bridge.invoke(name, args)
      const token = new URLSearchParams(location.search).get('token') ?? ''
      const socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`)
      await new Promise((resolve, reject) => {
        socket.onopen = resolve
        socket.onerror = reject
      })
      const reply = new Promise(
        (resolve) => (socket.onmessage = (event) => resolve(JSON.parse(String(event.data)))),
      )
      socket.send(JSON.stringify({ type: 'request', id: 7, name, args }))
      const message = (await reply) as { ok: boolean; result?: unknown; error?: unknown }
      socket.close()
      return message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error }
    },
    { name, args },
  )
}
