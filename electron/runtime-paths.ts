import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Where bundled files live, whether we run from the source tree (tests, tsx), from the
 * build output (out/main/*.js) or from a packaged app (resources copied beside the asar).
 */
export function findResourcesDir(startDir: string): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  const candidates = [
    process.env.LSTM_STUDIO_RESOURCES,
    packaged ? path.join(packaged, 'resources') : undefined,
    ...ancestors(startDir).map((dir) => path.join(dir, 'resources')),
  ]
  for (const candidate of candidates) {
    if (candidate && existsSync(path.join(candidate, 'samples'))) return candidate
  }
  throw new Error(`LSTM Studio could not find its resources folder (looked upward from ${startDir})`)
}

/** The built renderer: out/renderer beside out/main, or under the nearest checkout. */
export function findRendererDir(startDir: string): string {
  const candidates = [
    path.join(startDir, '..', 'renderer'),
    ...ancestors(startDir).map((dir) => path.join(dir, 'out', 'renderer')),
  ]
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')))
  if (!found) throw new Error('The renderer is not built yet: run `npm run build` first')
  return path.resolve(found)
}

function ancestors(dir: string): string[] {
  const result: string[] = []
  let current = path.resolve(dir)
  for (;;) {
    result.push(current)
    const parent = path.dirname(current)
    if (parent === current) return result
    current = parent
  }
}
