import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type {
  TrainingJobStatus,
  TrainingProgressEvent,
  TrainingState,
} from '../../../electron/api/requests/training'
import type { TrainingCandidate } from '../../../electron/api/requests/training-auto'
import { epochsOf } from '../../../electron/api/requests/training-epochs'
import type { RunRecord } from '../../../electron/api/records'
import type { AppRequestArgs } from '../api/app-requests'
import { useApi } from '../api/use-api'
import { LossSeries } from '../screens/train/loss-series'
import { useNotices } from './notices'

const activeStates: TrainingState[] = ['queued', 'running', 'paused']

/**
 * The job the Train screen follows. Events land in one LossSeries (plain arrays, not deep
 * reactive); `version` ticks so the chart knows to redraw without rebuilding its datasets.
 * An Auto run is followed by its id (state, controls) and its two candidate jobs each fill
 * their own LossSeries, so both curves are drawn.
 */
export const useTraining = defineStore('training', () => {
  const api = useApi()
  const notices = useNotices()
  const series = markRaw(new LossSeries())
  const version = ref(0)
  const jobId = ref<string | null>(null)
  /** Jobs the services know in this app session (any state). */
  const liveJobIds = ref<string[]>([])
  const status = shallowRef<TrainingJobStatus | null>(null)
  const state = ref<TrainingState | null>(null)
  const progress = shallowRef<TrainingProgressEvent | null>(null)
  /** The networks of the followed run (its pool jobs), in the order the run started them. */
  const candidates = shallowRef<TrainingCandidate[]>([])
  const candidateSeries = markRaw(new Map<string, LossSeries>())
  /** The network whose curves the chart shows: the one training now, unless the user picked one. */
  const shownJobId = ref<string | null>(null)
  let pinned = false
  let listening = false
  /** Counts the followed job's state events, so a reply cannot overwrite a newer event (see control). */
  let stateEvents = 0

  /** Where a job's loss events go: the followed job's series, or one of its candidates'. */
  function seriesOf(eventJobId: string): LossSeries | null {
    return eventJobId === jobId.value ? series : (candidateSeries.get(eventJobId) ?? null)
  }

  const isActive = computed(() => state.value !== null && activeStates.includes(state.value))

  function listen(): void {
    if (listening) return
    listening = true
    api.on('training.progress', (event) => {
      const target = seriesOf(event.jobId)
      if (!target) return
      target.appendProgress(event)
      progress.value = event
      version.value++
    })
    api.on('training.epoch', (event) => {
      const target = seriesOf(event.jobId)
      if (!target) return
      for (const epoch of epochsOf(event)) target.appendEpoch(epoch)
      version.value++
    })
    api.on('training.state', (event) => {
      // Any job the services report is alive in this session, even one this screen does not follow.
      if (!liveJobIds.value.includes(event.jobId)) liveJobIds.value = [...liveJobIds.value, event.jobId]
      if (event.jobId === jobId.value && event.candidates) setCandidates(event.candidates)
      if (candidateSeries.has(event.jobId)) {
        candidates.value = candidates.value.map((c) =>
          c.jobId === event.jobId ? { ...c, state: event.state } : c,
        )
        return
      }
      if (event.jobId !== jobId.value) return
      stateEvents++
      state.value = event.state
      if (event.state === 'failed' && event.message) notices.report('error', event.message)
      version.value++
    })
  }

  async function start(args: AppRequestArgs<'training.start'>): Promise<boolean> {
    listen()
    try {
      series.clear()
      candidateSeries.clear()
      progress.value = null
      version.value++
      const started = await api.call('training.start', args)
      follow(started)
      return true
    } catch (error) {
      notices.reportError(error)
      return false
    }
  }

  /** A run another screen started (the Panel screen's `panel.train`): followed as if Train had started it. */
  function followStarted(job: TrainingJobStatus): void {
    listen()
    series.clear()
    candidateSeries.clear()
    progress.value = null
    follow(job)
    version.value++
  }

  /** `keepState`: a state event newer than this status already arrived; it tells the truth. */
  function follow(job: TrainingJobStatus, keepState = false): void {
    if (job.jobId !== jobId.value) candidateSeries.clear()
    jobId.value = job.jobId
    status.value = job
    if (!keepState) state.value = job.state
    if (job.jobId !== jobId.value || !job.candidates) pinned = false
    setCandidates(job.candidates ?? [])
  }

  function setCandidates(list: TrainingCandidate[]): void {
    const changed = list.length > 0 || candidates.value.length > 0
    candidates.value = list
    for (const candidate of list)
      if (!candidateSeries.has(candidate.jobId)) candidateSeries.set(candidate.jobId, new LossSeries())
    if (!pinned) shownJobId.value = networkToShow(list)
    if (changed) version.value++
  }

  /** The user picks a network: its curves stay on the chart until another run is followed. */
  async function show(candidateJobId: string): Promise<void> {
    pinned = true
    shownJobId.value = candidateJobId
    const target = candidateSeries.get(candidateJobId)
    if (target && target.epochTrain.length === 0) {
      try {
        target.loadHistory(await api.call('training.history', { jobId: candidateJobId }))
      } catch (error) {
        notices.reportError(error)
      }
    }
    version.value++
  }

  /** The series the chart draws: the shown network's, or the lone job's. */
  const shownSeries = computed(() => {
    void version.value
    return (shownJobId.value ? candidateSeries.get(shownJobId.value) : undefined) ?? series
  })

  /** The network the chart shows, as the services last described it (null for a run of one job). */
  const shownNetwork = computed(() => candidates.value.find((c) => c.jobId === shownJobId.value) ?? null)

  /** An Auto run's curves are its candidates' histories. */
  async function loadCandidateHistories(): Promise<void> {
    for (const candidate of candidates.value) {
      const history = await api.call('training.history', { jobId: candidate.jobId })
      candidateSeries.get(candidate.jobId)?.loadHistory(history)
      progress.value = history.lastProgress ?? progress.value
    }
  }

  /** On (re)entering the screen: the followed job, else a job still running, with what we missed. */
  async function resync(): Promise<void> {
    listen()
    try {
      const jobs = await api.call('training.list', {})
      liveJobIds.value = jobs.map((job) => job.jobId)
      if (!jobId.value) {
        const running = jobs.find((job) => activeStates.includes(job.state))
        if (!running) return
        follow(running)
      }
      const history = await api.call('training.history', { jobId: jobId.value! })
      follow(history.status)
      series.loadHistory(history)
      progress.value = history.lastProgress
      await loadCandidateHistories()
      version.value++
    } catch (error) {
      notices.reportError(error)
    }
  }

  /**
   * A run the project still records as running but no job of this app session trains: the app
   * closed during it. Starting it again with `resume` continues from its last checkpoint.
   */
  function isInterrupted(run: RunRecord): boolean {
    // A panel run keeps no checkpoints to resume from (its networks train in minutes): it is trained again instead.
    if (run.config.kind === 'panel') return false
    return run.status === 'running' && !liveJobIds.value.includes(run.id) && jobId.value !== run.id
  }

  async function resumeRun(run: RunRecord): Promise<boolean> {
    const args = run.config as AppRequestArgs<'training.start'>
    return start({ ...args, runId: run.id, resume: true })
  }

  /**
   * The reply is the job's status when the request was handled, but the job acts on the request
   * a moment later (resuming wakes it up; it says "running" in an event that can overtake the
   * reply). An event that arrived while waiting is the newer news, so the reply must not undo it.
   */
  async function control(action: 'pause' | 'resume' | 'stop' | 'cancel'): Promise<void> {
    if (!jobId.value) return
    const eventsBefore = stateEvents
    try {
      const reply = await api.call(`training.${action}`, { jobId: jobId.value })
      follow(reply, stateEvents !== eventsBefore)
    } catch (error) {
      notices.reportError(error)
    }
  }

  return {
    series,
    candidateSeries,
    candidates,
    shownJobId,
    shownSeries,
    shownNetwork,
    show,
    version,
    jobId,
    status,
    state,
    progress,
    isActive,
    listen,
    start,
    followStarted,
    resync,
    control,
    isInterrupted,
    resumeRun,
  }
})

/** Follow the network that trains now (the latest started), else the last one. */
function networkToShow(list: TrainingCandidate[]): string | null {
  const active = list.filter((candidate) => activeStates.includes(candidate.state))
  return (active.at(-1) ?? list.at(-1))?.jobId ?? null
}
