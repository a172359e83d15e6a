import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useApi } from '../../api/use-api'
import { useNotices } from '../../stores/notices'
import { useProject } from '../../stores/project'

/** How the import dialog reads a file: one series (the usual import) or a panel of many. */
export type ImportForm = 'single' | 'long' | 'wide'

/**
 * The panel part of the import dialog: asks the services whether the file looks like a long
 * panel (panel.detect reads its head), lets the person confirm or change the form, the key
 * columns and the value column (the other numeric columns become covariates), and imports it
 * with panel.import.
 */
export function usePanelImport(path: Ref<string>, textColumns: Ref<string[]>, numericColumns: Ref<string[]>) {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const { t, n } = useI18n()
  const form = ref<ImportForm>('single')
  const keys = ref<string[]>([])
  const detectedKeys = ref<string[]>([])
  /** Text columns constant within every series of the file's head: attributes, not keys. */
  const detectedAttributes = ref<string[]>([])
  /** The long form's value column: the last numeric one unless the person picks another. */
  const target = ref('')
  watch(
    numericColumns,
    (columns) => {
      if (!columns.includes(target.value)) target.value = columns.at(-1) ?? ''
    },
    { immediate: true },
  )
  const importing = ref(false)
  /** The import in flight (for its progress events and to cancel it), else null. */
  const importId = ref<string | null>(null)
  const fraction = ref(0)
  const rows = ref(0)
  const unsubscribe = api.on('data.importProgress', (event) => {
    if (event.importId !== importId.value) return
    fraction.value = event.fraction
    rows.value = event.rows
  })
  onScopeDispose(unsubscribe)

  watch(
    path,
    async (file) => {
      form.value = 'single'
      keys.value = []
      detectedKeys.value = []
      detectedAttributes.value = []
      if (!file.trim()) return
      try {
        const found = await api.call('panel.detect', { path: file.trim() })
        if (path.value !== file || found.form !== 'long') return
        detectedKeys.value = found.keys
        detectedAttributes.value = found.attributes
        keys.value = [...found.keys]
        form.value = 'long'
      } catch {
        // The file's own preview already says what is wrong with it; detection just stays silent.
      }
    },
    { immediate: true },
  )

  // Long form needs a key: the first text column is the likely one when detection found none.
  watch(form, (chosen) => {
    if (chosen === 'long' && keys.value.length === 0 && textColumns.value[0])
      keys.value = [textColumns.value[0]]
  })

  /** Resolves to the new dataset's id, or null when refused (the reason is shown as a notice). */
  async function importPanel(): Promise<string | null> {
    const projectId = project.projectId
    if (!projectId || importing.value || form.value === 'single') return null
    if (form.value === 'long' && keys.value.length === 0) {
      notices.report('error', t('panel.import.needKey'))
      return null
    }
    importing.value = true
    importId.value = `panel-import-${Date.now().toString(36)}`
    fraction.value = 0
    rows.value = 0
    try {
      const result = await api.call('panel.import', {
        projectId,
        importId: importId.value,
        path: path.value.trim(),
        form: form.value,
        ...(form.value === 'long'
          ? { ids: keys.value, ...(target.value ? { target: target.value } : {}) }
          : {}),
      })
      for (const warning of result.warnings) notices.report('warning', warning)
      await project.refresh()
      notices.report(
        'info',
        t('panel.import.imported', {
          name: result.dataset.name,
          series: n(result.dataset.panel?.seriesCount ?? 0),
        }),
      )
      return result.dataset.id
    } catch (error) {
      notices.reportError(error)
      return null
    } finally {
      importing.value = false
      importId.value = null
    }
  }

  /** Nothing of a cancelled import is kept (the file is read before the project changes). */
  async function cancel(): Promise<void> {
    if (!importId.value) return
    await api.call('data.cancelImport', { importId: importId.value }).catch(notices.reportError)
  }

  return {
    form,
    keys,
    target,
    detectedKeys,
    detectedAttributes,
    importing,
    fraction,
    rows,
    importPanel,
    cancel,
  }
}
