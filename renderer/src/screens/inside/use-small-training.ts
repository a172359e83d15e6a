import { onBeforeUnmount, ref } from 'vue'
import type { TrainingStateEvent } from '../../../../electron/api/requests/training'
import type { DatasetRecord } from '../../../../electron/api/records'
import { useApi } from '../../api/use-api'

/** The course's small model: enough to look inside, quick enough to wait for. */
export const smallConfig = {
  layers: [{ cell: 'lstm' as const, units: 8 }],
  lookback: 24,
  horizon: 12,
  batchSize: 16,
  epochs: 10,
  optimizer: { lr: 0.01 },
  patience: 5,
}

/** The dataset's target column, as its roles say; the samples name it "value". */
export function targetOf(dataset: DatasetRecord): string {
  const entry = Object.entries(dataset.columnRoles).find(([, role]) => role === 'target')
  return entry?.[0] ?? 'value'
}

/**
 * Starts the small run and resolves with the saved model's id. Events are listened to
 * before the start request, and kept, because a fast run may be saved before its job id
 * comes back.
 */
export function useSmallTraining() {
  const api = useApi()
  const phase = ref<'idle' | 'starting' | 'running'>('idle')
  const epoch = ref(0)
  let unsubscribe: Array<() => void> = []

  function stopListening(): void {
    unsubscribe.forEach((off) => off())
    unsubscribe = []
  }
  onBeforeUnmount(stopListening)

  function train(projectId: string, dataset: DatasetRecord): Promise<string> {
    stopListening()
    phase.value = 'starting'
    epoch.value = 0
    const ready: Array<{ projectId: string; modelId: string; runId: string }> = []
    const states: TrainingStateEvent[] = []
    let jobId: string | null = null
    return new Promise<string>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        stopListening()
        phase.value = 'idle'
        outcome()
      }
      const check = () => {
        if (!jobId) return
        const saved = ready.find((event) => event.projectId === projectId && event.runId === jobId)
        if (saved) return finish(() => resolve(saved.modelId))
        const ended = states.find(
          (event) => event.jobId === jobId && (event.state === 'failed' || event.state === 'cancelled'),
        )
        if (ended) finish(() => reject(new Error(ended.message ?? ended.state)))
      }
      unsubscribe = [
        api.on('models.ready', (event) => {
          ready.push(event)
          check()
        }),
        api.on('training.state', (event) => {
          states.push(event)
          check()
        }),
        api.on('training.epoch', (event) => {
          if (event.jobId === jobId) epoch.value = Math.min(smallConfig.epochs, event.epoch + 1)
        }),
      ]
      api
        .call('training.start', {
          source: { projectId, datasetId: dataset.id, targets: [targetOf(dataset)] },
          config: smallConfig,
        })
        .then((status) => {
          jobId = status.jobId
          phase.value = 'running'
          check()
        })
        .catch((failure: unknown) => finish(() => reject(failure)))
    })
  }

  return { phase, epoch, epochs: smallConfig.epochs, train }
}
