import { sigmoid, type CellKernel, type StepBuffers } from './cell'

/** Classic LSTM, PyTorch rows i, f, g, o: c = f·c₋₁ + i·g, h = o·tanh(c). Aux holds [c, tanh c]. */
export const lstmCell: CellKernel = {
  gates: 4,
  auxPerUnit: 2,
  gateNames: ['i', 'f', 'g', 'o'],
  sharedPreGradient: true,

  forward(s: StepBuffers): void {
    const u = s.units
    for (let j = 0; j < u; j++) {
      const i = sigmoid(s.preIH[j] + s.preHH[j])
      const f = sigmoid(s.preIH[u + j] + s.preHH[u + j])
      const g = Math.tanh(s.preIH[2 * u + j] + s.preHH[2 * u + j])
      const o = sigmoid(s.preIH[3 * u + j] + s.preHH[3 * u + j])
      const c = f * s.auxPrev[s.auxPrevOff + j] + i * g
      const tanhC = Math.tanh(c)
      s.gates[s.gatesOff + j] = i
      s.gates[s.gatesOff + u + j] = f
      s.gates[s.gatesOff + 2 * u + j] = g
      s.gates[s.gatesOff + 3 * u + j] = o
      s.aux[s.auxOff + j] = c
      s.aux[s.auxOff + u + j] = tanhC
      s.h[s.hOff + j] = o * tanhC
    }
  },

  backward(s: StepBuffers): void {
    const u = s.units
    for (let j = 0; j < u; j++) {
      const i = s.gates[s.gatesOff + j]
      const f = s.gates[s.gatesOff + u + j]
      const g = s.gates[s.gatesOff + 2 * u + j]
      const o = s.gates[s.gatesOff + 3 * u + j]
      const tanhC = s.aux[s.auxOff + u + j]
      const dh = s.dh[s.dhOff + j]
      const dc = dh * o * (1 - tanhC * tanhC) + s.carry[j]
      s.carry[j] = dc * f
      s.dPreIH[j] = dc * g * i * (1 - i)
      s.dPreIH[u + j] = dc * s.auxPrev[s.auxPrevOff + j] * f * (1 - f)
      s.dPreIH[2 * u + j] = dc * i * (1 - g * g)
      s.dPreIH[3 * u + j] = dh * tanhC * o * (1 - o)
    }
  },
}
