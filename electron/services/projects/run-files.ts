import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { writeFileAtomic, writeJsonAtomic } from '../storage/atomic-write'
import { PathError } from '../storage/path-error'
import { assertSafeRelativePath } from '../storage/safe-path'
import { RUN_CONFIG_FILE, RUN_LOG_FILE, RUN_LOSS_FILE, RUNS_DIR } from './project-layout'
import type { ProjectSession } from './project-session'

/** One row of runs/<id>/loss.csv; val_loss is empty when there is no validation split. */
export interface LossRow {
  epoch: number
  trainLoss: number
  valLoss: number | null
  lr: number
}

export const LOSS_CSV_HEADER = 'epoch,train_loss,val_loss,lr'

async function runFile(session: ProjectSession, runId: string, file: string): Promise<string> {
  // A run id names exactly one folder under runs/.
  if (assertSafeRelativePath(runId).length !== 1) throw new PathError(runId, 'parent-segment')
  return session.resolve(`${RUNS_DIR}/${runId}/${file}`)
}

/** Creates runs/<id>/ with its config and an empty loss history. */
export async function startRunFiles(session: ProjectSession, runId: string, config: unknown): Promise<void> {
  await session.assertWritable()
  const configPath = await runFile(session, runId, RUN_CONFIG_FILE)
  await mkdir(await session.resolve(`${RUNS_DIR}/${runId}`), { recursive: true })
  await writeJsonAtomic(configPath, config)
  await writeFileAtomic(await runFile(session, runId, RUN_LOSS_FILE), `${LOSS_CSV_HEADER}\n`)
}

function formatNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value)
}

/**
 * Appending (not rewriting) keeps each epoch cheap; a crash can at worst leave a partial
 * last line, which readLossHistory skips.
 */
export async function appendLossRow(session: ProjectSession, runId: string, row: LossRow): Promise<void> {
  await session.assertWritable()
  const line = [row.epoch, formatNumber(row.trainLoss), formatNumber(row.valLoss), formatNumber(row.lr)].join(
    ',',
  )
  await appendFile(await runFile(session, runId, RUN_LOSS_FILE), `${line}\n`)
}

export async function appendRunLog(session: ProjectSession, runId: string, message: string): Promise<void> {
  await session.assertWritable()
  const line = `${session.now().toISOString()} ${message.replace(/\r?\n/g, ' ')}\n`
  await appendFile(await runFile(session, runId, RUN_LOG_FILE), line)
}

function parseCell(cell: string): number | null {
  return cell === '' ? null : Number(cell)
}

function parseLossLine(line: string): LossRow | null {
  const cells = line.split(',')
  if (cells.length !== 4) return null
  const [epoch, trainLoss, valLoss, lr] = cells.map(parseCell)
  if (epoch === null || !Number.isInteger(epoch) || trainLoss === null || Number.isNaN(trainLoss)) return null
  return { epoch, trainLoss, valLoss, lr: lr ?? Number.NaN }
}

/** Only lines ending in a newline count, so a row torn by a crash is ignored. */
export async function readLossHistory(session: ProjectSession, runId: string): Promise<LossRow[]> {
  const text = await readFile(await runFile(session, runId, RUN_LOSS_FILE), 'utf8')
  const complete = text.slice(0, text.lastIndexOf('\n') + 1)
  const rows: LossRow[] = []
  for (const line of complete.split('\n')) {
    const row = line === '' || line === LOSS_CSV_HEADER ? null : parseLossLine(line)
    if (row) rows.push(row)
  }
  return rows
}
