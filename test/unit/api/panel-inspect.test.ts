import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requests } from '../../../electron/api/contract'
import { createDispatcher, type Handlers } from '../../../electron/api/dispatch'
import { panelFileHandlers } from '../../../electron/services/handlers/panel'

const SLICE = resolve(__dirname, '../../fixtures/panel/m3_quarterly_slice_train.csv')

function dispatcher() {
  const notUsed = () => {
    throw new Error('not used here')
  }
  const base = Object.fromEntries(Object.keys(requests).map((name) => [name, notUsed])) as unknown as Handlers
  return createDispatcher({ ...base, ...panelFileHandlers() })
}

describe('panel.inspect', () => {
  it('summarises every series of a long CSV', async () => {
    const reply = await dispatcher()('panel.inspect', { path: SLICE, limit: 2 }, { transport: 'websocket' })
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    const result = reply.result as {
      form: string
      seriesCount: number
      series: { key: string[]; length: number; start: number }[]
      lengths: { min: number; max: number }
    }
    expect(result.form).toBe('long')
    expect(result.seriesCount).toBe(12)
    expect(result.series).toHaveLength(2)
    expect(result.series[0]).toMatchObject({ key: ['N0646'], length: 36, missing: 0 })
    expect(new Date(result.series[0].start).toISOString().slice(0, 10)).toBe('1984-01-01')
    expect(result.lengths.min).toBeLessThanOrEqual(result.lengths.max)
  })
  it('answers a refused file and bad arguments with typed errors', async () => {
    const missingColumn = await dispatcher()(
      'panel.inspect',
      { path: SLICE, ids: ['shop'] },
      { transport: 'ipc' },
    )
    expect(missingColumn).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } })
    const badLimit = await dispatcher()('panel.inspect', { path: SLICE, limit: 0 }, { transport: 'ipc' })
    expect(badLimit).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS', field: 'limit' } })
  })
})
