import type { CellKernel, StepBuffers } from './cell'

/** Elman RNN, h = tanh(W_ih·x + b_ih + W_hh·h₋₁ + b_hh). Its stored "gate" is the pre-activation. */
export const rnnCell: CellKernel = {
  gates: 1,
  auxPerUnit: 0,
  gateNames: ['pre'],
  sharedPreGradient: true,

  forward(s: StepBuffers): void {
    for (let j = 0; j < s.units; j++) {
      const pre = s.preIH[j] + s.preHH[j]
      s.gates[s.gatesOff + j] = pre
      s.h[s.hOff + j] = Math.tanh(pre)
    }
  },

  backward(s: StepBuffers): void {
    for (let j = 0; j < s.units; j++) {
      const h = s.h[s.hOff + j]
      s.dPreIH[j] = s.dh[s.dhOff + j] * (1 - h * h)
    }
  },
}
