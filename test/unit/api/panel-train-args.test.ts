import { describe, expect, it } from 'vitest'
import { requests } from '../../../electron/api/contract'
import { createDispatcher, type Handlers } from '../../../electron/api/dispatch'

/** A dispatcher whose panel.train only records the arguments validation let through. */
function dispatcher(seen: unknown[]) {
  const notUsed = () => {
    throw new Error('not used here')
  }
  const base = Object.fromEntries(Object.keys(requests).map((name) => [name, notUsed])) as unknown as Handlers
  return createDispatcher({
    ...base,
    'panel.train': (args) => {
      seen.push(args)
      return Promise.resolve({ jobId: 'panel-1', state: 'queued' } as never)
    },
  })
}

const target = { projectId: 'project-1', datasetId: 'dataset-1' }

describe('panel.train: backtest origins', () => {
  it('takes 0 to 5 origins, and none unless asked', async () => {
    const seen: unknown[] = []
    const call = dispatcher(seen)
    for (const backtestOrigins of [0, 1, 5])
      expect(
        (await call('panel.train', { ...target, settings: { backtestOrigins } }, { transport: 'ipc' })).ok,
      ).toBe(true)
    expect((await call('panel.train', { ...target, settings: { epochs: 3 } }, { transport: 'ipc' })).ok).toBe(
      true,
    )
    expect(
      seen.map((args) => (args as { settings: { backtestOrigins: number } }).settings.backtestOrigins),
    ).toEqual([0, 1, 5, 0])
  })

  it('refuses anything else with a typed error naming the field', async () => {
    const seen: unknown[] = []
    const call = dispatcher(seen)
    for (const backtestOrigins of [6, -1, 2.5, '2', null, true, Number.NaN, Infinity]) {
      const reply = await call(
        'panel.train',
        { ...target, settings: { backtestOrigins } },
        { transport: 'websocket' },
      )
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENTS', field: 'settings.backtestOrigins' },
      })
    }
    expect(seen).toEqual([])
    const tooMany = await call(
      'panel.train',
      { ...target, settings: { backtestOrigins: 9 } },
      { transport: 'ipc' },
    )
    expect(tooMany.ok ? '' : tooMany.error.message).toMatch(/backtestOrigins/)
  })
})
