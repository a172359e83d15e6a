import { describe, expect, it } from 'vitest'
import { readManifest } from '../../../electron/services/projects/manifest-io'
import type { ProjectManifest } from '../../../electron/api/records'
import type { ProjectStore } from '../../../electron/services/projects/project-store'
import { bundleChild, forkBundled, killAndReap, waitForMessage } from './child-process'
import { PAYLOAD_RUNS } from './children/saver-states'
import { makeStore, useTempDirs } from './helpers'

const tempDir = useTempDirs()
const KILLS = 30
const LANES = 3

/** The file must be exactly one complete state written by the child, never a blend. */
function sequenceOf(manifest: ProjectManifest): number {
  const match = /^(counter|payload)-(\d+)$/.exec(manifest.name)
  if (!match) throw new Error(`unexpected name ${manifest.name}`)
  const sequence = Number(match[2])
  if (match[1] === 'counter') {
    expect(sequence % 2).toBe(1)
    expect(manifest.runs).toEqual([])
  } else {
    expect(sequence % 2).toBe(0)
    expect(manifest.runs).toHaveLength(PAYLOAD_RUNS)
    for (const run of manifest.runs) expect(run.config.sequence).toBe(sequence)
  }
  return sequence
}

/** One project, saved by a fresh child and killed `kills` times in a row. */
async function killRepeatedly(
  store: ProjectStore,
  settingsDir: string,
  saver: string,
  lane: number,
): Promise<number> {
  const created = await store.create({ name: `crash ${lane}` })
  const projectDir = created.path
  await created.close()
  let checked = 0
  for (let kill = 0; kill < KILLS / LANES; kill++) {
    const child = forkBundled(saver, [settingsDir, projectDir])
    // Vary the moment: kill after 1..7 reported saves, while the next save is under way.
    const savesBeforeKill = ((kill + lane * 3) % 7) + 1
    const report = await waitForMessage(child, (message) => (message.saved ?? 0) >= savesBeforeKill)
    await killAndReap(child)
    const { manifest } = await readManifest(projectDir)
    expect(sequenceOf(manifest)).toBeGreaterThanOrEqual(report.saved ?? 0)
    // The dead child's lock is stale (its pid is gone), so a new writer takes over.
    const reopened = await store.open(projectDir, { access: 'write' })
    expect(reopened.readOnly).toBe(false)
    await reopened.close()
    checked++
  }
  return checked
}

describe('crash safety', () => {
  it(`always finds the old or the new state after ${KILLS} SIGKILLs mid-save`, async () => {
    const root = await tempDir()
    const { store, settingsDir } = makeStore(root)
    const saver = await bundleChild('project-saver.ts', root)
    // Lanes on separate projects overlap one child's startup with another's saves.
    const lanes = Array.from({ length: LANES }, (_, lane) => killRepeatedly(store, settingsDir, saver, lane))
    expect((await Promise.all(lanes)).reduce((sum, count) => sum + count, 0)).toBe(KILLS)
  })
})
