import { appendFile, mkdir } from 'node:fs/promises'
import { writeJsonAtomic } from '../storage/atomic-write'
import { PathError } from '../storage/path-error'
import { assertSafeRelativePath } from '../storage/safe-path'
import { RUN_CONFIG_FILE, RUN_LOG_FILE, RUNS_DIR } from './project-layout'
import type { ProjectSession } from './project-session'

async function runFile(session: ProjectSession, runId: string, file: string): Promise<string> {
  // A run id names exactly one folder under runs/.
  if (assertSafeRelativePath(runId).length !== 1) throw new PathError(runId, 'parent-segment')
  return session.resolve(`${RUNS_DIR}/${runId}/${file}`)
}

/** Creates runs/<id>/ with its config; each of its networks keeps its loss history in runs/<id>/<job>/loss.csv. */
export async function startRunFiles(session: ProjectSession, runId: string, config: unknown): Promise<void> {
  await session.assertWritable()
  const configPath = await runFile(session, runId, RUN_CONFIG_FILE)
  await mkdir(await session.resolve(`${RUNS_DIR}/${runId}`), { recursive: true })
  await writeJsonAtomic(configPath, config)
}

export async function appendRunLog(session: ProjectSession, runId: string, message: string): Promise<void> {
  await session.assertWritable()
  const line = `${session.now().toISOString()} ${message.replace(/\r?\n/g, ' ')}\n`
  await appendFile(await runFile(session, runId, RUN_LOG_FILE), line)
}
