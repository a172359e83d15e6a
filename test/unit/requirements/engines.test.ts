import { readFileSync } from 'node:fs'
import path from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

/**
 * README's Requirements are true: every package that `npm ci` installs (package-lock.json,
 * dev tools included) accepts every Node and npm version README allows, so on a supported
 * Node `npm ci` prints no EBADENGINE warning.
 */
const root = path.resolve(__dirname, '../../..')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string; npm?: string } }>
}

/** README's requirement item `- Node.js … (`RANGE` …) …, npm N+. …`, over several lines. */
function readmeRequirements(): { node: string; npm: string } {
  const item = /^- Node\.js [\s\S]*?(?=\n- |\n\n)/m.exec(readme)?.[0] ?? ''
  const node = /`([^`]+)`/.exec(item)?.[1]
  const npm = /npm (\d+)\+/.exec(item)?.[1]
  if (!node || !npm) throw new Error(`README's Requirements have no "- Node.js … (\`range\`) …, npm N+" line`)
  return { node, npm: `>=${npm}` }
}

/** Each installed package whose declared engine does not accept every version in `allowed`. */
function refusing(engine: 'node' | 'npm', allowed: string): string[] {
  return Object.entries(lock.packages)
    .filter(([location, pkg]) => location !== '' && pkg.engines?.[engine] !== undefined)
    .filter(([, pkg]) => !semver.subset(allowed, pkg.engines![engine]!))
    .map(
      ([location, pkg]) =>
        `${location.replace(/^.*node_modules\//, '')}@${pkg.version}: ${pkg.engines![engine]}`,
    )
}

describe("README's requirements", () => {
  const stated = readmeRequirements()

  it('are what package.json declares', () => {
    expect(semver.validRange(stated.node)).not.toBeNull()
    expect(manifest.engines.node).toBe(stated.node)
    expect(lock.packages['']!.engines?.node).toBe(stated.node)
  })

  it('satisfy every installed package, runtime and dev', () => {
    expect(refusing('node', stated.node)).toEqual([])
    expect(refusing('npm', stated.npm)).toEqual([])
  })

  it("would have caught README's former Node 20.19, which Electron's packages refuse", () => {
    const refused = refusing('node', '>=20.19.0')
    expect(refused.some((entry) => entry.startsWith('electron@'))).toBe(true)
    expect(refused.some((entry) => entry.startsWith('@electron/get@'))).toBe(true)
  })
})
