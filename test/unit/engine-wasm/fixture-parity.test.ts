import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { paramCount } from '../../../worker/engine/layout'
import { createWasmBackend } from '../../../worker/engine/wasm/fast-backend'
import {
  fixtureParamsToFlat,
  fixtureSpec,
  flatten,
  loadFixture,
  parityFixturePaths,
  worstRelativeError,
} from '../engine/torch-fixtures'
import { runnableFlavors } from './flavors'

const TOLERANCE = 1e-4

describe.each(runnableFlavors())('wasm backend (%s build) against the PyTorch fixtures', (flavor) => {
  for (const path of parityFixturePaths()) {
    const fixture = loadFixture(path)
    it(`${basename(path)}: output, loss and every gradient within ${TOLERANCE} relative`, async () => {
      const spec = fixtureSpec(fixture)
      const backend = await createWasmBackend(spec, { flavor })
      expect(backend.name).toBe(`wasm-${flavor}`)
      const params = Float32Array.from(fixtureParamsToFlat(spec, fixture.params))
      const x = Float32Array.from(flatten(fixture.x))
      const y = Float32Array.from(flatten(fixture.y))
      const batch = { x, y, batch: fixture.batch, steps: fixture.seqLen }

      const output = new Float32Array(fixture.batch * fixture.outputSize)
      backend.forward(params, x, fixture.batch, fixture.seqLen, output)
      expect(worstRelativeError(output, flatten(fixture.expected.output))).toBeLessThan(TOLERANCE)

      const grads = new Float32Array(paramCount(spec)).fill(Number.NaN)
      const loss = backend.lossAndGradients(params, grads, batch, { loss: fixture.loss, training: true })
      expect(Math.abs(loss - fixture.expected.loss) / fixture.expected.loss).toBeLessThan(TOLERANCE)
      const expectedGrads = fixtureParamsToFlat(spec, fixture.expected.grads)
      expect(worstRelativeError(grads, expectedGrads)).toBeLessThan(TOLERANCE)
    })
  }
})
