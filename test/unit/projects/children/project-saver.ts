/**
 * Child process for the crash test: saves one project over and over, alternating a tiny
 * state and a large one, and reports each completed save to the parent, which SIGKILLs
 * it at some point. Arguments: <settingsDir> <projectDir>.
 */
import { ProjectStore } from '../../../../electron/services/projects/project-store'
import { applyState } from './saver-states'

async function main(): Promise<void> {
  const [settingsDir, projectDir] = process.argv.slice(2)
  const store = new ProjectStore({
    settingsDir,
    defaultProjectsFolder: settingsDir,
    instanceId: 'saver-child',
  })
  const session = await store.open(projectDir, { access: 'write' })
  for (let sequence = 1; ; sequence++) {
    await session.update((draft) => applyState(draft, sequence))
    process.send?.({ saved: sequence })
  }
}

main().catch((error: unknown) => {
  process.send?.({ error: String(error) })
  process.exit(1)
})
