import os from 'node:os'
import path from 'node:path'

/**
 * Where the browser-mode server and the CLI keep settings (recent projects, chosen projects
 * folder) — the same place Electron's `userData` points to for this app name, so both modes
 * share one recent list.
 */
export function defaultSettingsDir(appName = 'LSTM Studio'): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), appName)
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', appName)
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), appName)
}
