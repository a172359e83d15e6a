import { ref, shallowRef } from 'vue'
import type { ComparisonExample, GradientComparisonView } from '../../../../electron/api/requests/inside'
import { useApi } from '../../api/use-api'
import { errorText } from './error-text'

export const compareEpochs = 5

/** The RNN-against-LSTM run: seconds of work on the main side, so the view only shows it is busy. */
export function useGradientCompare() {
  const api = useApi()
  const result = shallowRef<GradientComparisonView | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function compare(
    projectId: string,
    modelId: string,
    example: ComparisonExample = 'model',
  ): Promise<void> {
    busy.value = true
    error.value = null
    try {
      const answer = await api.call('inside.compare', { projectId, modelId, epochs: compareEpochs, example })
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
