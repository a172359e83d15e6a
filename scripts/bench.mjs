// `npm run bench -- NAME [args]` runs scripts/bench/NAME.ts through tsx in a child process,
// so each benchmark starts with a clean heap and its own V8 flags.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'bench')
const [name, ...args] = process.argv.slice(2)
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort()

if (!name || !/^[\w-]+$/.test(name) || !existsSync(join(benchDir, `${name}.ts`))) {
  console.error(`usage: npm run bench -- NAME [args]   (NAME: ${available.join(', ') || 'none yet'})`)
  process.exit(2)
}

const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, `${name}.ts`), ...args], {
  stdio: 'inherit',
})
if (result.error) throw result.error
process.exit(result.status ?? 1)
