// Runs Electron's own installer (node_modules/electron/install.js) in a child process, its
// output and progress on this terminal, and reports how it ended: ok, or its error in one line.
const { spawn } = require('node:child_process')
const { mkdtempSync, readFileSync, rmSync } = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const recorder = path.join(__dirname, 'installer-stderr-recorder.cjs')
const LONGEST_LINE = 400

/**
 * @param {{ installer: string, env?: NodeJS.ProcessEnv, stdio?: 'inherit' | 'ignore' }} options
 * @returns {Promise<{ ok: true } | { ok: false, error: string, interrupted: boolean }>}
 */
function runElectronInstaller({ installer, env = process.env, stdio = 'inherit' }) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'lstm-electron-install-'))
  const reportFile = path.join(workDir, 'report.json')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', recorder, installer], {
      env: { ...env, LSTM_STUDIO_INSTALLER_STDERR: reportFile },
      stdio: ['ignore', stdio, stdio],
    })
    child.once('error', (error) =>
      finish({ ok: false, error: `could not run ${installer}: ${error.message}` }),
    )
    child.once('exit', (code, signal) => {
      if (code === 0) return finish({ ok: true })
      if (signal) return finish({ ok: false, error: `it was stopped (${signal})`, interrupted: true })
      finish({ ok: false, error: installerError(readReport(reportFile)) ?? `it exited with code ${code}` })
    })
    function finish(result) {
      rmSync(workDir, { recursive: true, force: true })
      resolve(result.ok ? result : { interrupted: false, ...result })
    }
  })
}

/**
 * The installer's error in one line: the message above the first stack frame (Node prints
 * `TypeError: fetch failed` then `    at …`), else the last line it printed; a failed
 * download also names its cause (`getaddrinfo ENOTFOUND github.com`).
 */
function installerError({ stderr, fetchFailure = null }) {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^Downloading .*\[/.test(line))
  const firstFrame = lines.findIndex((line) => /^at\s/.test(line))
  const line = firstFrame > 0 ? lines[firstFrame - 1] : lines.at(-1)
  if (!line) return null
  const withCause = fetchFailure && line.endsWith('fetch failed') ? `${line} (${fetchFailure})` : line
  return withCause.length > LONGEST_LINE ? `${withCause.slice(0, LONGEST_LINE - 1)}…` : withCause
}

/** What the recorder left; nothing where the installer died before it could write. */
function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return { stderr: '' }
  }
}

module.exports = { runElectronInstaller, installerError }
