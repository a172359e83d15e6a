import { symlinkSync } from 'node:fs'
import type { Socket } from 'node:net'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { useTestServer } from '../helpers/test-server'

// Loopback only; every loop below is bounded and waits on events, never on time.
const MAX_CONNECTIONS = 3
const MAX_BUFFERED_BYTES = 1024 * 1024
const { app, server } = useTestServer(
  'lstm-limits-',
  { maxConnections: MAX_CONNECTIONS, maxBufferedBytes: MAX_BUFFERED_BYTES },
  // A file the server can stat but never read: reading /proc/self/mem at offset 0 fails with EIO.
  (root) => {
    if (process.platform === 'linux') symlinkSync('/proc/self/mem', path.join(root, 'unreadable.js'))
  },
)
const bus = app.services.bus

interface Opened {
  ws: WebSocket
  /** Resolves with the close code and reason whenever the connection ends. */
  closed: Promise<{ code: number; reason: string }>
}

function open(): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server().port}/api?token=${server().token}`)
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: String(reason) })),
    )
    ws.on('open', () => resolve({ ws, closed }))
    ws.on('error', reject)
  })
}

function echo(ws: WebSocket, id: number): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(String(data)) as Record<string, unknown>
      if (reply.type !== 'reply' || reply.id !== id) return
      ws.off('message', onMessage)
      resolve(reply)
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ type: 'request', id, name: 'app.echo', args: { message: 'here' } }))
  })
}

async function closeAll(opened: Opened[]): Promise<void> {
  for (const { ws, closed } of opened) {
    ws.close()
    await closed
  }
}

describe('the loopback server under load it must refuse', () => {
  it('refuses connections beyond its cap with close code 1013 and a reason', async () => {
    const admitted = [await open(), await open(), await open()]
    const extra = await open()
    // Either the server closes it, or (the defect) it answers like any admitted tab.
    expect(await Promise.race([extra.closed, echo(extra.ws, 9)])).toEqual({
      code: 1013,
      reason: expect.stringMatching(/too many connections.*3/i),
    })
    expect(await echo(admitted[0].ws, 1)).toMatchObject({ ok: true })
    await closeAll(admitted)
    // Once the server has seen them go, a new tab is admitted again (a few attempts at most).
    let again: Opened | null = null
    for (let attempt = 0; attempt < 20 && again === null; attempt++) {
      const candidate = await open()
      const outcome = await Promise.race([echo(candidate.ws, 2), candidate.closed])
      if ('ok' in outcome) again = candidate
    }
    expect(again).not.toBeNull()
    await closeAll([again!])
  })

  it('drops a client that stops reading once its unread events pass the limit, and serves the others', async () => {
    const slow = await open()
    const other = await open()
    ;(slow.ws as unknown as { _socket: Socket })._socket.pause()
    const subscribed = bus.listenerCount
    const message = 'x'.repeat(32 * 1024)
    let published = 0
    // 2,000 events of 32 KiB are far beyond the 1 MiB limit plus what the kernel buffers hold.
    while (bus.listenerCount === subscribed && published < 2000) {
      bus.publish('app.notice', { level: 'info', message })
      published++
      await nextTurn()
    }
    expect(bus.listenerCount).toBe(subscribed - 1)
    expect(await echo(other.ws, 3)).toMatchObject({ ok: true })
    ;(slow.ws as unknown as { _socket: Socket })._socket.resume()
    expect(await slow.closed).toEqual({ code: 1008, reason: expect.stringMatching(/not reading/) })
    await closeAll([other])
  })

  it.runIf(process.platform === 'linux')('survives a static file that fails while it is read', async () => {
    await fetch(`http://127.0.0.1:${server().port}/unreadable.js`)
      .then((response) => response.arrayBuffer())
      .catch(() => undefined)
    const index = await fetch(`http://127.0.0.1:${server().port}/`)
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('LSTM Studio')
  })
})
