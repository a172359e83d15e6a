import { ref, shallowRef } from 'vue'
import type { GradientComparisonView } from '../../../../electron/api/requests/inside'
import { useApi } from '../../api/use-api'
import { errorText } from './error-text'

export const compareEpochs = 5

/** The RNN-against-LSTM run: seconds of work on the main side, so the view only shows it is busy. */
export function useGradientCompare() {
  const api = useApi()
  const result = shallowRef<GradientComparisonView | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function compare(projectId: string, modelId: string): Promise<void> {
    busy.value = true
    error.value = null
    try {
      const answer = await api.call('inside.compare', { projectId, modelId, epochs: compareEpochs })
      // The answer names its model: the view shows it only while that model is the one picked.
      result.value = answer
    } catch (failure) {
      error.value = errorText(failure)
    } finally {
      busy.value = false
    }
  }

  function clear(): void {
    result.value = null
    error.value = null
  }

  return { result, busy, error, compare, clear }
}

/** How many times more gradient the LSTM keeps than the RNN at the oldest step. */
export function oldestStepRatio(result: GradientComparisonView): number | null {
  const rnn = result.curves.find((curve) => curve.cell === 'rnn')?.gradNorm[0]
  const lstm = result.curves.find((curve) => curve.cell === 'lstm')?.gradNorm[0]
  if (!rnn || !lstm || !Number.isFinite(rnn) || !Number.isFinite(lstm)) return null
  return lstm / rnn
}
