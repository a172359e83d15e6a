import net from 'node:net'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { useTestServer } from '../helpers/test-server'

// Loopback only, bounded counts: this is a robustness test, not a benchmark.
const { server } = useTestServer('lstm-load-', { maxFrameBytes: 256 * 1024 })

const url = (token: string | null) =>
  `ws://127.0.0.1:${server().port}/api${token === null ? '' : `?token=${token}`}`

function open(token: string | null): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url(token))
    ws.on('open', () => resolve(ws))
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    ws.on('error', () => resolve(-1))
  })
}

function echo(ws: WebSocket, id: number, message: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(String(data)) as Record<string, unknown>
      if (reply.id !== id) return
      ws.off('message', onMessage)
      resolve(reply)
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ type: 'request', id, name: 'app.echo', args: { message } }))
  })
}

describe('the loopback server under abuse', () => {
  it('serves 50 concurrent clients with the token and refuses 50 without it', async () => {
    const attempts = await Promise.all([
      ...Array.from({ length: 50 }, () => open(server().token)),
      ...Array.from({ length: 50 }, (_, i) => open(i % 2 === 0 ? null : 'wrong')),
    ])
    const sockets = attempts.filter((a): a is WebSocket => a instanceof WebSocket)
    expect(sockets).toHaveLength(50)
    expect(attempts.filter((a) => a === 401)).toHaveLength(50)
    const replies = await Promise.all(sockets.map((ws, i) => echo(ws, i, `client ${i}`)))
    replies.forEach((reply, i) =>
      expect(reply).toMatchObject({ ok: true, result: { message: `client ${i}` } }),
    )
    sockets.forEach((ws) => ws.close())
  })

  it('survives malformed frames of every kind and keeps answering', async () => {
    const ws = (await open(server().token)) as WebSocket
    const garbage = [
      '',
      'null',
      '[]',
      '"text"',
      '{"type":"request"}',
      '{"type":"request","id":"x","name":"app.echo"}',
      '{"type":"request","id":1e400,"name":"app.echo"}',
      '{"__proto__":{"polluted":true},"type":"request","id":5,"name":"app.echo","args":{"message":"x"}}',
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
    ]
    for (const frame of garbage) ws.send(frame)
    const reply = await echo(ws, 99, 'still here')
    expect(reply).toMatchObject({ ok: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    ws.close()
  })

  it('closes an oversized frame with 1009 without affecting other clients', async () => {
    const big = (await open(server().token)) as WebSocket
    const other = (await open(server().token)) as WebSocket
    const closed = new Promise<number>((resolve) => big.on('close', resolve))
    big.send('x'.repeat(300 * 1024))
    expect(await closed).toBe(1009)
    expect(await echo(other, 1, 'fine')).toMatchObject({ ok: true })
    other.close()
  })

  it('is not held up by a slow client that never reads or finishes its handshake', async () => {
    const stalled = net.connect(server().port, '127.0.0.1')
    await new Promise((resolve) => stalled.once('connect', resolve))
    stalled.write(`GET /api?token=${server().token} HTTP/1.1\r\nHost: 127.0.0.1:${server().port}\r\n`) // never ends
    const ws = (await open(server().token)) as WebSocket
    expect(await echo(ws, 2, 'not blocked')).toMatchObject({ ok: true })
    ws.close()
    stalled.destroy()
  })
})
