import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises'
import type { RunLossHistory, SavedEpoch } from '../../api/requests/records'
import { LOSS_HISTORY_FILE } from '../training/checkpoint-format'
import { parseRole, type NetworkRole } from '../../../worker/training/network-role'
import { CodedError } from '../storage'
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

/** A cell of loss.csv: empty (no validation part) or not a finite number is no value. */
function lossCell(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}

/**
 * One network's loss.csv (epoch,train_loss,val_loss,lr; see checkpoint-format.ts), with each
 * epoch's "best so far" worked out as training does it: the lowest validation loss, or training
 * loss where there is no validation part. Rows that are not numbers (a torn last line) are skipped.
 */
export function parseLossCsv(text: string): SavedEpoch[] {
  const epochs: SavedEpoch[] = []
  let best = Infinity
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [epochText, train, validation, lr] = line.split(',')
    const epoch = Number(epochText)
    const trainLoss = lossCell(train)
    if (!line.trim() || !Number.isInteger(epoch) || epoch < 0 || trainLoss === null) continue
    const valLoss = lossCell(validation)
    const judged = valLoss ?? trainLoss
    epochs.push({ epoch, trainLoss, valLoss, lr: lossCell(lr) ?? 0, best: judged < best })
    best = Math.min(best, judged)
  }
  return epochs
}

/** Each job's role as the run's log.txt wrote it ("network <job> (<role>) queued", see app-runs.ts). */
export function rolesFromLog(log: string): Map<string, NetworkRole> {
  const roles = new Map<string, NetworkRole>()
  for (const line of log.split(/\r?\n/)) {
    const match = /^\S+ network (\S+) \((.*)\) queued$/.exec(line)
    const role = match ? parseRole(match[2]!) : null
    if (match && role) roles.set(match[1]!, role)
  }
  return roles
}

/**
 * The saved loss curves of a past run: runs/<id>/<job>/loss.csv of each of its networks, in the
 * order the run started them (job ids are the run's id and a number). A run without any yet (it
 * ended before an epoch) has no networks; an unknown run is NOT_FOUND.
 */
export async function readRunLossHistory(session: ProjectSession, runId: string): Promise<RunLossHistory> {
  if (!session.manifest.runs.some((run) => run.id === runId))
    throw new CodedError('NOT_FOUND', `No run with id "${runId}" in this project`)
  const folder = await session.resolve(`${RUNS_DIR}/${runId}`)
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const jobNumber = (name: string) => Number(name.slice(runId.length + 1))
  const jobs = entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(`${runId}-`))
    .map((entry) => entry.name)
    .filter((name) => Number.isInteger(jobNumber(name)))
    .sort((a, b) => jobNumber(a) - jobNumber(b))
  const log = await readFile(await runFile(session, runId, RUN_LOG_FILE), 'utf8').catch(() => '')
  const roles = rolesFromLog(log)
  const networks: RunLossHistory['networks'] = []
  for (const jobId of jobs) {
    const text = await readFile(await runFile(session, runId, `${jobId}/${LOSS_HISTORY_FILE}`), 'utf8').catch(
      () => null,
    )
    const role = roles.get(jobId)
    if (text !== null) networks.push({ jobId, ...(role ? { role } : {}), epochs: parseLossCsv(text) })
  }
  return { runId, networks }
}
