import { sigmoid, type CellKernel, type StepBuffers } from './cell'

/**
 * GRU in PyTorch's formulation, rows r, z, n: the reset gate multiplies (W_hn·h + b_hn),
 * which is why the recurrent pre-activation gradient differs from the input one.
 * Aux holds W_hn·h₋₁ + b_hn.
 */
export const gruCell: CellKernel = {
  gates: 3,
  auxPerUnit: 1,
  gateNames: ['r', 'z', 'n'],
  sharedPreGradient: false,

  forward(s: StepBuffers): void {
    const u = s.units
    for (let j = 0; j < u; j++) {
      const r = sigmoid(s.preIH[j] + s.preHH[j])
      const z = sigmoid(s.preIH[u + j] + s.preHH[u + j])
      const hn = s.preHH[2 * u + j]
      const n = Math.tanh(s.preIH[2 * u + j] + r * hn)
      s.gates[s.gatesOff + j] = r
      s.gates[s.gatesOff + u + j] = z
      s.gates[s.gatesOff + 2 * u + j] = n
      s.aux[s.auxOff + j] = hn
      s.h[s.hOff + j] = (1 - z) * n + z * s.hPrev[s.hPrevOff + j]
    }
  },

  backward(s: StepBuffers): void {
    const u = s.units
    for (let j = 0; j < u; j++) {
      const r = s.gates[s.gatesOff + j]
      const z = s.gates[s.gatesOff + u + j]
      const n = s.gates[s.gatesOff + 2 * u + j]
      const hn = s.aux[s.auxOff + j]
      const hPrev = s.hPrev[s.hPrevOff + j]
      const dh = s.dh[s.dhOff + j]
      const dPreN = dh * (1 - z) * (1 - n * n)
      const dPreR = dPreN * hn * r * (1 - r)
      const dPreZ = dh * (hPrev - n) * z * (1 - z)
      s.dPreIH[j] = dPreR
      s.dPreIH[u + j] = dPreZ
      s.dPreIH[2 * u + j] = dPreN
      s.dPreHH[j] = dPreR
      s.dPreHH[u + j] = dPreZ
      s.dPreHH[2 * u + j] = dPreN * r
      s.dhPrev[s.dhPrevOff + j] += dh * z
    }
  },
}
