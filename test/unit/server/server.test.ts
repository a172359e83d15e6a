import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { useTestServer } from '../helpers/test-server'

const { app, server } = useTestServer('lstm-static-', { maxFrameBytes: 64 * 1024 })
const services = app.services

function socketUrl(token: string | null): string {
  return `ws://127.0.0.1:${server().port}/api${token === null ? '' : `?token=${encodeURIComponent(token)}`}`
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    ws.on('error', () => resolve(-1))
  })
}

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(server().token))
    ws.on('open', () => resolve(ws))
    ws.on('error', reject)
  })
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))))
}

describe('the loopback server adapter', () => {
  it('listens on loopback and prints a URL carrying the token', () => {
    expect(server().url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server().port}/\\?token=`))
    expect(server().token.length).toBeGreaterThanOrEqual(40)
  })

  it('refuses a connection without the token', async () => {
    expect(await upgradeStatus(socketUrl(null))).toBe(401)
  })

  it('refuses a wrong token', async () => {
    expect(await upgradeStatus(socketUrl(server().token.slice(0, -2) + 'xx'))).toBe(401)
  })

  it('refuses a foreign Origin even with the token', async () => {
    expect(await upgradeStatus(socketUrl(server().token), { Origin: 'https://evil.example' })).toBe(403)
  })

  it('refuses a rebound Host name even with the token', async () => {
    expect(
      await upgradeStatus(socketUrl(server().token), { Host: `attacker.example:${server().port}` }),
    ).toBe(421)
  })

  it('accepts its own origin with the token', async () => {
    expect(
      await upgradeStatus(socketUrl(server().token), { Origin: `http://127.0.0.1:${server().port}` }),
    ).toBe(101)
  })

  it('carries a request and its reply', async () => {
    const ws = await connect()
    ws.send(JSON.stringify({ type: 'request', id: 1, name: 'app.info', args: {} }))
    const reply = await nextMessage(ws)
    expect(reply).toMatchObject({ type: 'reply', id: 1, ok: true, result: { transport: 'websocket' } })
    ws.close()
  })

  it('answers malformed JSON with a typed error and keeps the connection', async () => {
    const ws = await connect()
    ws.send('{not json')
    expect(await nextMessage(ws)).toMatchObject({ ok: false, error: { code: 'MALFORMED_MESSAGE' } })
    ws.send(JSON.stringify({ type: 'request', id: 2, name: 'app.echo', args: { message: 5 } }))
    expect(await nextMessage(ws)).toMatchObject({ id: 2, ok: false, error: { code: 'INVALID_ARGUMENTS' } })
    ws.send(JSON.stringify({ type: 'request', id: 3, name: 'app.echo', args: { message: 'ok' } }))
    expect(await nextMessage(ws)).toMatchObject({ id: 3, ok: true })
    ws.close()
  })

  it('closes a connection that sends an oversized frame, and keeps serving others', async () => {
    const ws = await connect()
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send('x'.repeat(128 * 1024))
    expect(await closed).toBe(1009)
    const other = await connect()
    other.send(JSON.stringify({ type: 'request', id: 4, name: 'app.echo', args: { message: 'fine' } }))
    expect(await nextMessage(other)).toMatchObject({ id: 4, ok: true })
    other.close()
  })

  it('forwards service events to connected clients', async () => {
    const ws = await connect()
    const message = nextMessage(ws)
    services.bus.publish('app.notice', { level: 'info', message: 'hello' })
    expect(await message).toEqual({
      type: 'event',
      name: 'app.notice',
      payload: { level: 'info', message: 'hello' },
    })
    ws.close()
  })

  it('serves the built renderer with a Content-Security-Policy and nothing outside it', async () => {
    const index = await fetch(`http://127.0.0.1:${server().port}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    const escape = await fetch(`http://127.0.0.1:${server().port}/..%2f..%2fetc%2fpasswd`)
    expect(escape.status).toBe(404)
  })
})
