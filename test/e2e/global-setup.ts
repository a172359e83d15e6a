import path from 'node:path'
import { electronCommandLine } from '../../scripts/electron/command-line.cjs'
import { ensureElectronBinary } from '../../scripts/electron/ensure-binary.cjs'
import { ELECTRON_UNAVAILABLE_ENV } from './electron-availability'

const root = path.resolve(__dirname, '../..')

/**
 * Before the `electron` project runs, its binary is made to exist the way `npm start` does it:
 * Electron's own installer runs once where it is missing (its progress on this terminal).
 * If that fails, the installer's error is handed to the tests (environment variables set
 * here reach the workers) and becomes their skip reason.
 */
export default async function globalSetup(): Promise<void> {
  if (!selectsElectronProject(process.argv)) return
  const electron = await ensureElectronBinary({ log: (line) => console.log(`[e2e] ${line}`) })
  if (electron.binary !== null) {
    const { note } = electronCommandLine(root)
    if (note) console.log(`[e2e] electron project: ${note}.`)
    return
  }
  process.env[ELECTRON_UNAVAILABLE_ENV] = electron.reason
  console.log(
    `[e2e] electron project: skipped — ${electron.reason}. The web project runs the same specs in Chromium.`,
  )
}

/**
 * Whether this run includes the `electron` project: no `--project` filter, or one that names
 * it (`--project electron`, `--project=electron`, several names, `*` wildcards; the match
 * ignores case, as Playwright's does).
 */
export function selectsElectronProject(argv: readonly string[]): boolean {
  const names: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--project=')) names.push(arg.slice('--project='.length))
    else if (arg === '--project')
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) names.push(argv[++i]!)
  }
  if (names.length === 0) return true
  return names.some((name) => {
    const pattern = name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')
    return new RegExp(`^${pattern}$`, 'i').test('electron')
  })
}
