import { parseArgs } from 'node:util'
import packageJson from '../../package.json'
import type { CliIo } from './index'
import { EXPORT_FORMATS, exportModelFolder, isExportFormat } from '../services/exports/index'

/** MODEL_DIR: a model folder of `lstm-studio train`, single-series or panel (panel-model.json). */
const USAGE = `usage: lstm-studio export MODEL_DIR --format ${EXPORT_FORMATS.join('|')} --out DIR [--force]\n`

/** Refusals carry a stable code (model folder, export, file system); anything else is a bug. */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^(MODEL_|EXPORT_|ENOENT|EACCES|EPERM|EISDIR|ENOTDIR|EEXIST)/.test(code)
}

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      // --force: write into a folder that already holds files.
      options: { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    })
  } catch (error) {
    io.stderr.write(`lstm-studio export: ${(error as Error).message}\n${USAGE}`)
    return 1
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1 || !values.out || !values.format) {
    io.stderr.write(USAGE)
    return 1
  }
  if (!isExportFormat(values.format)) {
    io.stderr.write(
      `lstm-studio export: unknown format "${values.format}" (expected ${EXPORT_FORMATS.join(', ')})\n`,
    )
    return 1
  }
  try {
    const result = await exportModelFolder(positionals[0], values.format, values.out, {
      appVersion: packageJson.version,
      overwrite: values.force === true,
    })
    io.stderr.write(`${values.format} export written to ${result.directory}\n`)
    io.stdout.write(`${JSON.stringify({ status: 'ok', ...result })}\n`)
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    const hint =
      (error as { code?: unknown }).code === 'EXPORT_FOLDER_NOT_EMPTY' ? ' Pass --force to confirm.' : ''
    io.stderr.write(`lstm-studio export: ${(error as Error).message}${hint}\n`)
    return 2
  }
}
