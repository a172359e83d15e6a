// `npm start`: build, then launch the desktop app. Where Electron's binary is missing, run
// Electron's own installer first (electron 42+ downloads lazily); only if that fails, say what
// failed in one line and run the same app in the browser through the loopback server.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import electronCommandLine from './electron/command-line.cjs'
import ensureBinary from './electron/ensure-binary.cjs'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = await ensureBinary.ensureElectronBinary()
if (!electron.binary && electron.interrupted) process.exit(130)

const child = electron.binary ? launchElectron(electron.binary) : openInBrowser(electron.reason)
child.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))

function launchElectron(binary) {
  const { args, note } = electronCommandLine.electronCommandLine(root)
  if (note) console.log(`LSTM Studio: ${note}.`)
  return spawn(binary, args, { cwd: root, stdio: 'inherit' })
}

function openInBrowser(reason) {
  console.log(`${reason.replace(/\.$/, '')}. Starting LSTM Studio in your browser instead.`)
  return spawn(process.execPath, [path.join(root, 'out/main/serve.js'), '--open'], {
    cwd: root,
    stdio: 'inherit',
  })
}
