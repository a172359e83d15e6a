import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/api/dispatch'
import type { Handlers } from '../../../electron/api/dispatch'
import { requests } from '../../../electron/api/contract'

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const notUsed = () => {
    throw new Error('not used in this test')
  }
  const base = Object.fromEntries(Object.keys(requests).map((name) => [name, notUsed])) as unknown as Handlers
  return { ...base, 'app.echo': ({ message }) => ({ message, receivedAt: 'now' }), ...overrides }
}

const ipc = { transport: 'ipc' as const }

describe('the generic dispatcher', () => {
  it('validates arguments and calls the handler', async () => {
    const dispatch = createDispatcher(handlers())
    await expect(dispatch('app.echo', { message: 'hi' }, ipc)).resolves.toEqual({
      ok: true,
      result: { message: 'hi', receivedAt: 'now' },
    })
  })

  it('names the offending field of a malformed call', async () => {
    const reply = await createDispatcher(handlers())('app.echo', { message: 42 }, ipc)
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'message' } })
    if (!reply.ok) expect(reply.error.message).toContain('app.echo')
  })

  it('refuses unexpected extra fields rather than ignoring them', async () => {
    const reply = await createDispatcher(handlers())('app.echo', { message: 'x', extra: 1 }, ipc)
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } })
  })

  it.each([[undefined], [null], [42], ['app.echo '], [{ name: 'app.echo' }], ['__proto__'], ['constructor']])(
    'refuses the unknown request name %j',
    async (name) => {
      const reply = await createDispatcher(handlers())(name, {}, ipc)
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } })
    },
  )

  it('refuses non-object arguments', async () => {
    for (const args of [null, 'text', 3, [1, 2], true]) {
      const reply = await createDispatcher(handlers())('app.echo', args, ipc)
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } })
    }
  })

  it('turns a domain error into its code and message', async () => {
    const failing = handlers({
      'app.echo': () => {
        throw Object.assign(new Error('The project is locked by another window'), { code: 'PROJECT_LOCKED' })
      },
    })
    const reply = await createDispatcher(failing)('app.echo', { message: 'x' }, ipc)
    expect(reply).toEqual({
      ok: false,
      error: { code: 'PROJECT_LOCKED', message: 'The project is locked by another window' },
    })
  })

  it('reports an unexpected fault as INTERNAL without a stack', async () => {
    const failing = handlers({
      'app.echo': () => {
        throw new TypeError('boom')
      },
    })
    const reply = await createDispatcher(failing)('app.echo', { message: 'x' }, ipc)
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!reply.ok) expect(reply.error.message).not.toContain('at ')
  })

  it('passes the transport to the handler', async () => {
    const seen: string[] = []
    const spying = handlers({
      'app.echo': ({ message }, context) => {
        seen.push(context.transport)
        return { message, receivedAt: '' }
      },
    })
    await createDispatcher(spying)('app.echo', { message: 'x' }, { transport: 'websocket' })
    expect(seen).toEqual(['websocket'])
  })
})
