import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SampleInfo, SeriesData } from '../../../electron/api/requests/samples'
import { useApi } from '../api/use-api'
import { useNotices } from './notices'

export const useSamples = defineStore('samples', () => {
  const api = useApi()
  const notices = useNotices()
  const samples = ref<SampleInfo[]>([])
  const selectedId = ref<string | null>(null)
  const series = ref<SeriesData | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    try {
      samples.value = await api.call('samples.list', {})
      const first = samples.value[0]
      if (first && selectedId.value === null) await select(first.id)
    } catch (error) {
      notices.reportError(error)
    }
  }

  async function select(id: string): Promise<void> {
    selectedId.value = id
    loading.value = true
    try {
      series.value = await api.call('samples.series', { id })
    } catch (error) {
      notices.reportError(error)
    } finally {
      loading.value = false
    }
  }

  return { samples, selectedId, series, loading, load, select }
})
