import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { offeredCalendarFeatures } from './calendar-options'
import type { ModelDraft } from './draft'
import { newLayer } from './draft'
import { networkSizes } from './network-size'
import { autoPreset, initialDraft, sizedPreset } from './presets'
import type { PresetName } from './presets'
import { presetFit, type PresetFit } from './preset-fit'
import { draftFromRun, runDatasetId } from './settings-draft'
import {
  draftKey,
  draftSignature,
  loadDraft,
  saveDraft,
  type AppliedSettings,
  type DraftOrigin,
} from './draft-storage'
import type { RunRecord } from '../../../../electron/api/records'
import { datasetPeriod } from '../../../../electron/api/dataset-period'
import { transformIssues, type SeriesFacts } from './transform-validation'
import { validateDraft } from './validation'
import { useApi } from '../../api/use-api'
import { useDatasets } from '../../stores/datasets'
import { useNotices } from '../../stores/notices'
import { useProject } from '../../stores/project'

export type ReuseOutcome =
  { reused: true } | { reused: false; problem: 'noProject' | 'noDataset' | 'unreadable'; detail?: string }

/** The stack and settings being edited on the Model screen, and what they are trained on. */
export const useModelDraft = defineStore('modelDraft', () => {
  const api = useApi()
  const notices = useNotices()
  const project = useProject()
  const datasets = useDatasets()
  const draft = ref<ModelDraft>(initialDraft(1))
  /** The columns the network forecasts; the Forecast screen opens on the first. */
  const targets = ref<string[]>([])
  const covariates = ref<string[]>([])
  const workersAvailable = ref(1)

  // Rows of the dataset, not of the drawn (perhaps thinned) series.
  const seriesLength = computed(() => datasets.series?.rowCount ?? null)
  const period = computed(() => (datasets.selected ? datasetPeriod(datasets.selected) : null))
  const seriesFacts = computed<SeriesFacts>(() => {
    const wanted = new Set(targets.value)
    const columns = datasets.series?.columns.filter((column) => wanted.has(column.name)) ?? []
    return { targets: columns.map((column) => column.values), period: datasets.series ? period.value : null }
  })
  const calendarOffered = computed(() => offeredCalendarFeatures(datasets.series?.timestamps ?? null))
  // Another dataset may not support a feature chosen for the previous one.
  // Only once its series is loaded: while it loads nothing is offered, and a restored draft keeps its choices.
  watch(calendarOffered, (offered) => {
    if (!datasets.series || datasets.series.datasetId !== datasets.selectedId) return
    draft.value.calendar = draft.value.calendar.filter((feature) => offered.includes(feature))
  })
  /** Why Auto will forecast the series with ETS (too short for a network), from its plan; null otherwise. */
  const autoStatistical = ref<string | null>(null)
  /** The preset (or past run) the draft was last set from, to name it until a setting changes. */
  const applied = ref<AppliedSettings | null>(null)
  const origin = computed<DraftOrigin | 'custom'>(() =>
    applied.value && applied.value.signature === draftSignature(draft.value)
      ? applied.value.origin
      : 'custom',
  )
  function setDraft(next: ModelDraft, from: DraftOrigin): void {
    draft.value = next
    applied.value = { origin: from, signature: draftSignature(next) }
  }

  /** Small and Large keep the window and split: whether those fit the series is known before pressing. */
  const sizedFits = computed<Record<'small' | 'large', PresetFit>>(() => ({
    small: presetFit(sizedPreset('small', draft.value), seriesLength.value),
    large: presetFit(sizedPreset('large', draft.value), seriesLength.value),
  }))

  // The draft belongs to its project and dataset (see draft-storage.ts for why localStorage).
  const storage = typeof localStorage === 'undefined' ? null : localStorage
  const storageKey = computed(() =>
    project.projectId && datasets.selectedId ? draftKey(project.projectId, datasets.selectedId) : null,
  )
  /** The key the draft on screen was loaded under: edits are saved there, never under the next dataset's. */
  let loadedKey: string | null = null
  watch(
    storageKey,
    (key) => {
      loadedKey = key
      const base = initialDraft(workersAvailable.value)
      const saved = key && storage ? loadDraft(storage, key, base) : null
      if (saved) {
        draft.value = saved.draft
        applied.value = saved.applied
        autoStatistical.value = saved.autoStatistical
      } else {
        setDraft(base, 'default')
        autoStatistical.value = null
      }
    },
    { immediate: true },
  )
  watch(
    [draft, applied, autoStatistical],
    () => {
      if (!loadedKey || !storage) return
      saveDraft(storage, loadedKey, {
        draft: draft.value,
        applied: applied.value,
        autoStatistical: autoStatistical.value,
      })
    },
    { deep: true, flush: 'sync' },
  )
  const statistical = computed(() => draft.value.targetMode === 'auto' && autoStatistical.value !== null)
  const issues = computed(() => [
    ...validateDraft(draft.value, seriesLength.value, statistical.value),
    ...transformIssues(draft.value, seriesFacts.value),
  ])
  /** The network's weights as the pipeline will build it, per candidate of an Auto run. */
  const sizes = computed(() =>
    networkSizes(draft.value, { targets: targets.value, covariates: covariates.value }),
  )

  /** Auto asks the services for the pipeline's plan of the chosen series; false when it could not. */
  async function applyPreset(name: PresetName): Promise<boolean> {
    if (name !== 'auto') {
      // The buttons of presets that do not fit are disabled; a call that reaches here anyway leaves the form as it is.
      if (!sizedFits.value[name].fits) return false
      setDraft(sizedPreset(name, draft.value), name)
      return true
    }
    const projectId = project.projectId
    const datasetId = datasets.selectedId
    // The Model screen offers Auto only once a dataset and a target are chosen.
    if (!projectId || !datasetId || targets.value.length === 0) return false
    try {
      const plan = await api.call('training.autoPlan', {
        projectId,
        datasetId,
        targets: targets.value,
        covariates: covariates.value,
      })
      setDraft(autoPreset(plan, workersAvailable.value), 'auto')
      autoStatistical.value = plan.statistical
      return true
    } catch (error) {
      notices.reportError(error)
      return false
    }
  }

  /**
   * "Reuse this run's settings": the run's configuration becomes the draft of the dataset it
   * trained on (that dataset is selected, so the Model screen shows it). Otherwise why not, for
   * the screen to say in the user's language: its dataset is gone, or its record cannot be read.
   */
  async function reuseRun(run: RunRecord): Promise<ReuseOutcome> {
    const projectId = project.projectId
    const datasetId = runDatasetId(run.config)
    if (!projectId) return { reused: false, problem: 'noProject' }
    if (!datasetId || !datasets.datasets.some((dataset) => dataset.id === datasetId))
      return { reused: false, problem: 'noDataset' }
    let next: ModelDraft
    try {
      next = draftFromRun(run.config, workersAvailable.value)
    } catch (error) {
      return { reused: false, problem: 'unreadable', detail: (error as Error).message }
    }
    const key = draftKey(projectId, datasetId)
    if (key === loadedKey) {
      setDraft(next, 'run')
      autoStatistical.value = null
      return { reused: true }
    }
    if (storage)
      saveDraft(storage, key, {
        draft: next,
        applied: { origin: 'run', signature: draftSignature(next) },
        autoStatistical: null,
      })
    await datasets.select(datasetId)
    // Without storage (never in the app) the draft is handed over directly once the dataset is selected.
    if (!storage) setDraft(next, 'run')
    return { reused: true }
  }

  function addLayer(): void {
    const last = draft.value.layers[draft.value.layers.length - 1]
    draft.value.layers.push(newLayer(last?.cell ?? 'lstm', last?.units ?? 32))
  }

  function removeLayer(index: number): void {
    draft.value.layers.splice(index, 1)
  }

  function moveLayer(index: number, offset: -1 | 1): void {
    const layers = draft.value.layers
    const to = index + offset
    if (to < 0 || to >= layers.length) return
    const [layer] = layers.splice(index, 1)
    if (layer) layers.splice(to, 0, layer)
  }

  // Follows the roles by content, not by object: a project refresh (after every run) hands new but
  // equal objects and must not undo the choices made here, while roles saved on the Data screen must
  // reach this screen even when it was opened before.
  const rolesSignature = computed(() => {
    const selected = datasets.selected
    const columns = datasets.series?.columns.map((column) => column.name)
    if (!selected || !columns) return null
    return JSON.stringify([selected.id, selected.columnRoles, columns])
  })
  watch(
    rolesSignature,
    (signature) => {
      if (signature === null || !datasets.selected || !datasets.series) return
      adoptRoles(
        datasets.selected.columnRoles,
        datasets.series.columns.map((column) => column.name),
      )
    },
    { immediate: true },
  )

  /** Roles saved on the Data screen decide the default targets and covariates. */
  function adoptRoles(roles: Record<string, string>, numericColumns: string[]): void {
    const marked = Object.keys(roles).filter((name) => roles[name] === 'target')
    targets.value = marked.length > 0 ? marked : numericColumns.slice(0, 1)
    covariates.value = Object.keys(roles).filter(
      (name) => roles[name] === 'covariate' || roles[name] === 'futureCovariate',
    )
  }

  return {
    draft,
    targets,
    covariates,
    workersAvailable,
    seriesLength,
    period,
    calendarOffered,
    issues,
    statistical,
    sizes,
    origin,
    sizedFits,
    applyPreset,
    reuseRun,
    addLayer,
    removeLayer,
    moveLayer,
    adoptRoles,
  }
})
