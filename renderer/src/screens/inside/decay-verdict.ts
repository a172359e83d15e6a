import type { GradientComparisonView } from '../../../../electron/api/requests/inside'

/** What the RNN/LSTM comparison says at the oldest step of the window, each cell relative to its last step. */
export interface DecayVerdict {
  rnn: number
  lstm: number
  rnnInitial: number
  lstmInitial: number
  /** Which cell keeps more of its gradient at the oldest step after training, by at least `CLEAR`. */
  kind: 'lstmKeeps' | 'rnnKeeps' | 'similar'
  /** How many times more the keeping cell keeps (≥ 1). */
  factor: number
}

/** Below a factor of 3 either way, two curves averaged over a few seeds do not tell the cells apart. */
const CLEAR = 3

function oldest(view: GradientComparisonView, cell: 'rnn' | 'lstm', stage: 'initial' | 'trained') {
  return view.curves.find((curve) => curve.cell === cell && curve.stage === stage)?.relative[0] ?? null
}

export function decayVerdict(view: GradientComparisonView): DecayVerdict | null {
  const rnn = oldest(view, 'rnn', 'trained')
  const lstm = oldest(view, 'lstm', 'trained')
  const rnnInitial = oldest(view, 'rnn', 'initial')
  const lstmInitial = oldest(view, 'lstm', 'initial')
  if (!rnn || !lstm || rnnInitial === null || lstmInitial === null) return null
  const ratio = lstm / rnn
  const kind = ratio >= CLEAR ? 'lstmKeeps' : ratio <= 1 / CLEAR ? 'rnnKeeps' : 'similar'
  return { rnn, lstm, rnnInitial, lstmInitial, kind, factor: ratio >= 1 ? ratio : 1 / ratio }
}

/**
 * A share of the last step's gradient as people say it: "1/300" below one (two significant
 * digits of the inverse), "2×" above.
 */
export function formatShare(locale: string, share: number): string {
  const digits = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 })
  if (!(share > 0) || !Number.isFinite(share)) return '—'
  return share < 1 ? `1/${digits.format(1 / share)}` : `${digits.format(share)}×`
}
