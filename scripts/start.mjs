// `npm start`: build, then launch the desktop app; where Electron's binary is missing
// (it could not be downloaded), say so in one line and run the browser adapter instead.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import electronBinary from './electron-binary.cjs'

const { electronBinaryPath } = electronBinary

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = electronBinaryPath()
const child = electron
  ? spawn(electron, [root], { cwd: root, stdio: 'inherit' })
  : (console.log(
      'Electron binary not installed (its download host was unreachable): starting LSTM Studio in your browser instead.',
    ),
    spawn(process.execPath, [path.join(root, 'out/main/serve.js'), '--open'], {
      cwd: root,
      stdio: 'inherit',
    }))
child.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
