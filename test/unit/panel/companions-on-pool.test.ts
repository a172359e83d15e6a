import { MessageChannel } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import { companionsOnPool } from '../../../electron/services/training/companions-on-pool'
import { companionForecasts } from '../../../worker/panel/companion-forecasts'
import { companionsOverPort, serveCompanions } from '../../../worker/panel/companions-port'
import { createTestService } from '../training/helpers'

const histories = Array.from({ length: 9 }, (_, s) =>
  Float64Array.from({ length: 14 + s }, (_, t) => 100 + s * t + 10 * Math.sin((2 * Math.PI * t) / 4)),
)
histories.push(new Float64Array(0))

describe("a panel's ETS and Theta fitted on the pool", () => {
  const { service } = createTestService()
  afterAll(() => service.dispose())

  it('gives, chunk by chunk on the threads, exactly what one thread gives, in the series’ order', async () => {
    const pooled = await companionsOnPool(service)(histories, 4, 6, 'full')
    expect(pooled).toEqual(companionForecasts(histories, 4, 6))
    expect(pooled.ets).toHaveLength(10)
    expect(pooled.theta[9]).toBeNull()
  })

  it('reaches a run computed in another thread through a port, failures included', async () => {
    const { port1, port2 } = new MessageChannel()
    serveCompanions(port1, async (h, period, horizon, variant) => {
      if (horizon > 10) throw new Error(`no forecast ${horizon} steps ahead`)
      return companionForecasts(h, period, horizon, variant)
    })
    const remote = companionsOverPort(port2)
    try {
      expect(await remote(histories.slice(0, 2), 4, 3, 'adjusted')).toEqual(
        companionForecasts(histories.slice(0, 2), 4, 3, 'adjusted'),
      )
      await expect(remote(histories.slice(0, 1), 4, 12, 'full')).rejects.toThrow('no forecast 12 steps ahead')
    } finally {
      port1.close()
      port2.close()
    }
  })
})
