import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { websocketTransport } from '../../../renderer/src/api/transports/websocket'
import { useTestServer } from '../helpers/test-server'

// The browser build's transport against the real server: `ws` stands in for the browser's
// WebSocket (same onopen/onclose/onmessage interface), on loopback only.
const { server } = useTestServer('lstm-transport-', { maxConnections: 1 })
const browserSocket = globalThis.WebSocket
beforeAll(() => void (globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket))
afterAll(() => void (globalThis.WebSocket = browserSocket))

describe('the browser transport', () => {
  it('tells the user why the server closed the connection', async () => {
    const url = `ws://127.0.0.1:${server().port}/api?token=${server().token}`
    const first = websocketTransport(url)
    expect(await first.request('app.echo', { message: 'first tab' })).toMatchObject({ ok: true })
    const second = websocketTransport(url)
    expect(await second.request('app.echo', { message: 'one tab too many' })).toEqual({
      ok: false,
      error: {
        code: 'DISCONNECTED',
        message: expect.stringMatching(/connection to LSTM Studio was lost.*too many connections/),
      },
    })
  })
})
