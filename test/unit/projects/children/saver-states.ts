import type { ProjectManifest } from '../../../../electron/api/records'

/** The two states the crash-test child alternates between; the parent checks against them. */
export const PAYLOAD_RUNS = 300
const filler = 'x'.repeat(1000)

/** Odd sequence numbers are the small "counter" state, even ones the large "payload" state. */
export function applyState(draft: ProjectManifest, sequence: number): void {
  if (sequence % 2 === 1) {
    draft.name = `counter-${sequence}`
    draft.runs = []
    return
  }
  draft.name = `payload-${sequence}`
  draft.runs = Array.from({ length: PAYLOAD_RUNS }, (_, index) => ({
    id: `run-${index}`,
    status: 'completed' as const,
    config: { sequence, filler },
    started: null,
    ended: null,
  }))
}
