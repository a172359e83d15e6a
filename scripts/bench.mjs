// `npm run bench -- NAME [args]` runs scripts/bench/NAME.ts through tsx in a child process,
// so each benchmark starts with a clean heap and its own V8 flags. The benchmarks run the
// engine from source, so its WebAssembly kernels are built first where missing or stale
// (right after `npm install` they are not there yet).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { wasmKernelFiles, wasmKernelsNeedBuild } from './wasm-kernels.mjs'

const scriptsDir = dirname(fileURLToPath(import.meta.url))
const benchDir = join(scriptsDir, 'bench')
const [name, ...args] = process.argv.slice(2)
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort()

if (!name || !/^[\w-]+$/.test(name) || !existsSync(join(benchDir, `${name}.ts`))) {
  console.error(`usage: npm run bench -- NAME [args]   (NAME: ${available.join(', ') || 'none yet'})`)
  process.exit(2)
}

if (wasmKernelsNeedBuild(wasmKernelFiles(join(scriptsDir, '..')))) {
  console.error('bench: building the WebAssembly kernels first (npm run build:wasm)')
  const build = spawnSync(process.execPath, [join(scriptsDir, 'build-wasm.mjs')], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, `${name}.ts`), ...args], {
  stdio: 'inherit',
})
if (result.error) throw result.error
process.exit(result.status ?? 1)
