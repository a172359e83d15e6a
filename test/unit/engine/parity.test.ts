import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allocateFloats } from '../../../worker/engine/buffers'
import { clipGlobalNorm } from '../../../worker/engine/clipping'
import { paramLayout } from '../../../worker/engine/layout'
import { createOptimizer } from '../../../worker/engine/optimizers'
import { createReferenceBackend } from '../../../worker/engine/reference-backend'
import type { FloatArray, Precision } from '../../../worker/engine/types'
import {
  fixtureOptimizer,
  fixtureParamsToFlat,
  fixtureSpec,
  flatten,
  loadFixture,
  parityFixturePaths,
  worstRelativeError,
} from './torch-fixtures'

const TOLERANCE: Record<Precision, number> = { float64: 1e-9, float32: 1e-4 }

function fromValues(precision: Precision, values: number[]): FloatArray {
  const array = allocateFloats(precision, values.length)
  array.set(values)
  return array
}

/** Per-tensor comparison so a failure names the tensor. */
function expectTensorsClose(
  spec: ReturnType<typeof fixtureSpec>,
  actual: FloatArray,
  expected: number[],
  tolerance: number,
) {
  for (const entry of paramLayout(spec)) {
    const got = actual.subarray(entry.offset, entry.offset + entry.size)
    const want = expected.slice(entry.offset, entry.offset + entry.size)
    expect({ tensor: entry.name, error: worstRelativeError(got, want) }).toEqual({
      tensor: entry.name,
      error: expect.toSatisfy((e: number) => e <= tolerance),
    })
  }
}

for (const path of parityFixturePaths()) {
  const fixture = loadFixture(path)
  const spec = fixtureSpec(fixture)
  const { batch, seqLen: steps } = fixture

  describe(`PyTorch parity: ${basename(path)}`, () => {
    for (const precision of ['float64', 'float32'] as const) {
      const tolerance = TOLERANCE[precision]
      const backend = createReferenceBackend(spec, precision)
      const x = fromValues(precision, flatten(fixture.x))
      const y = fromValues(precision, flatten(fixture.y))
      const data = { x, y, batch, steps }
      const options = { loss: fixture.loss, training: true }

      it(`${precision}: top hidden sequence, output, loss and every gradient`, () => {
        const params = fromValues(precision, fixtureParamsToFlat(spec, fixture.params))
        const grads = allocateFloats(precision, params.length)
        const loss = backend.lossAndGradients(params, grads, data, options)
        const top = backend.layerRecord(spec.layers.length - 1, batch, steps)
        expect(worstRelativeError(top.h, flatten(fixture.expected.hiddenSeqTop))).toBeLessThanOrEqual(
          tolerance,
        )
        expect(worstRelativeError([loss], [fixture.expected.loss])).toBeLessThanOrEqual(tolerance)
        expectTensorsClose(spec, grads, fixtureParamsToFlat(spec, fixture.expected.grads), tolerance)

        const output = allocateFloats(precision, batch * spec.outputSize)
        backend.forward(params, x, batch, steps, output)
        expect(worstRelativeError(output, flatten(fixture.expected.output))).toBeLessThanOrEqual(tolerance)
      })

      it(`${precision}: losses and params after ${fixture.training.steps} optimizer steps`, () => {
        const params = fromValues(precision, fixtureParamsToFlat(spec, fixture.params))
        const grads = allocateFloats(precision, params.length)
        const optimizer = createOptimizer(fixtureOptimizer(fixture), params.length)
        const losses: number[] = []
        for (let step = 0; step < fixture.training.steps; step++) {
          losses.push(backend.lossAndGradients(params, grads, data, options))
          if (fixture.training.clipGlobalNorm) clipGlobalNorm(grads, fixture.training.clipGlobalNorm)
          optimizer.step(params, grads)
        }
        expect(worstRelativeError(losses, fixture.training.lossesBeforeEachStep)).toBeLessThanOrEqual(
          tolerance,
        )
        expectTensorsClose(spec, params, fixtureParamsToFlat(spec, fixture.training.paramsAfter), tolerance)
      })
    }
  })
}
