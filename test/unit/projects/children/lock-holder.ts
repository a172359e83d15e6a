/**
 * Child process that opens a project for writing and then just holds the lock until it
 * is killed. Arguments: <settingsDir> <projectDir>.
 */
import { ProjectStore } from '../../../../electron/services/projects/project-store'

async function main(): Promise<void> {
  const [settingsDir, projectDir] = process.argv.slice(2)
  const store = new ProjectStore({
    settingsDir,
    defaultProjectsFolder: settingsDir,
    instanceId: 'holder-child',
  })
  await store.open(projectDir, { access: 'write' })
  process.send?.({ locked: process.pid })
  // Stay alive (the heartbeat timer is unref'ed and would not keep the process running).
  setInterval(() => undefined, 60_000)
}

main().catch((error: unknown) => {
  process.send?.({ error: String(error) })
  process.exit(1)
})
