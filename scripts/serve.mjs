// `npm run serve [-- --port N --host H --open]`: build, then run the loopback server adapter.
import { spawnSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const args = process.argv.slice(2).filter((arg) => arg !== '--no-build')
const server = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...args], { stdio: 'inherit' })
server.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
