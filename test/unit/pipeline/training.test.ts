import { describe, expect, it } from 'vitest'
import { findParam, paramLayout } from '../../../worker/engine/index'
import { prepare } from '../../../worker/pipeline/index'
import { trainNetwork } from '../../../worker/pipeline/training'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

describe('trainNetwork: per-member epochs (the refit replays each member’s early stopping)', () => {
  it('trains each member for its own epoch count; a residual member with 0 epochs stays seasonal naive', async () => {
    const config = tinyConfig({ targetMode: 'seasonalResidual', ensemble: 2, epochs: 3 })
    const prepared = prepare(monthlySeries(seasonalSeries(120)), config)
    const network = await trainNetwork(prepared, { backend: 'reference', memberEpochs: [0, 2] })
    expect(network.members.map((member) => member.epochsRun)).toEqual([0, 2])
    const head = findParam(paramLayout(prepared.state.spec), 'head.W')
    const untouched = network.members[0].params.subarray(head.offset, head.offset + head.size)
    expect(Array.from(untouched).every((w) => w === 0)).toBe(true)
    const trained = network.members[1].params.subarray(head.offset, head.offset + head.size)
    expect(Array.from(trained).some((w) => w !== 0)).toBe(true)
  })
})
