import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { CsvPreview, ImportResult } from '../../../../electron/api/requests/data'
import { useApi } from '../../api/use-api'
import { useNotices } from '../../stores/notices'
import { useProject } from '../../stores/project'
import type { CsvOptions, FormatOverrides } from './csv-options'
import { emptyOverrides, toCsvOptions } from './csv-options'
import { uploadFile } from './upload-file'
import type { UploadSource } from './upload-file'

type Decision = Extract<ImportResult, { status: 'needsDecision' }>['decisions'][number]

/** The import dialog's steps: inspect (re-run on every override), import with progress, decide, cancel. */
export function useImport() {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const path = ref('')
  const overrides = ref<FormatOverrides>(emptyOverrides())
  const preview = shallowRef<CsvPreview | null>(null)
  const inspecting = ref(false)
  const importId = ref<string | null>(null)
  const fraction = ref(0)
  const rows = ref(0)
  const decisions = ref<Decision[]>([])
  const duplicates = ref<'keepLast' | 'average' | 'refuse'>('keepLast')
  const dateOrder = ref<'dmy' | 'mdy'>('dmy')
  const importing = computed(() => importId.value !== null)
  /** Share of the file sent so far while uploading, else null. */
  const uploaded = ref<number | null>(null)

  const unsubscribe = api.on('data.importProgress', (event) => {
    if (event.importId !== importId.value) return
    fraction.value = event.fraction
    rows.value = event.rows
  })
  onScopeDispose(unsubscribe)

  async function inspect(): Promise<void> {
    if (!path.value.trim()) return
    inspecting.value = true
    try {
      preview.value = await api.call('data.inspect', {
        path: path.value.trim(),
        options: toCsvOptions(overrides.value),
      })
    } catch (error) {
      preview.value = null
      notices.reportError(error)
    } finally {
      inspecting.value = false
    }
  }

  /** Browser mode: sends the file into the project, then inspects it like a typed path. */
  async function upload(file: UploadSource): Promise<void> {
    const projectId = project.projectId
    if (!projectId || uploaded.value !== null) return
    uploaded.value = 0
    try {
      path.value = await uploadFile(api, projectId, file, (fraction) => (uploaded.value = fraction))
    } catch (error) {
      notices.reportError(error)
      return
    } finally {
      uploaded.value = null
    }
    overrides.value = emptyOverrides()
    await inspect()
  }

  function optionsWithDecisions(): CsvOptions {
    const options = toCsvOptions(overrides.value)
    for (const decision of decisions.value) {
      if (decision.kind === 'duplicateTimestamps') options.duplicates = duplicates.value
      if (decision.kind === 'ambiguousDateOrder') options.dateOrder = dateOrder.value
    }
    return options
  }

  /** Resolves to the new dataset id, or null when it needs a decision, failed or was cancelled. */
  async function runImport(): Promise<string | null> {
    const projectId = project.projectId
    if (!projectId || importing.value) return null
    const id = `import-${Date.now().toString(36)}`
    importId.value = id
    fraction.value = 0
    rows.value = 0
    try {
      const result = await api.call('data.import', {
        projectId,
        path: path.value.trim(),
        options: optionsWithDecisions(),
        importId: id,
      })
      if (result.status === 'needsDecision') {
        decisions.value = result.decisions
        return null
      }
      decisions.value = []
      for (const warning of result.summary.warnings) notices.report('warning', warning.message)
      await project.refresh()
      return result.dataset.id
    } catch (error) {
      notices.reportError(error)
      return null
    } finally {
      importId.value = null
    }
  }

  async function cancel(): Promise<void> {
    if (!importId.value) return
    await api.call('data.cancelImport', { importId: importId.value }).catch(notices.reportError)
  }

  function reset(): void {
    path.value = ''
    overrides.value = emptyOverrides()
    preview.value = null
    decisions.value = []
  }

  return {
    path,
    overrides,
    preview,
    inspecting,
    importing,
    fraction,
    rows,
    decisions,
    duplicates,
    dateOrder,
    uploaded,
    inspect,
    upload,
    runImport,
    cancel,
    reset,
  }
}
