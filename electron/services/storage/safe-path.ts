import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { hasErrnoCode } from './coded-error'
import { isWindowsDeviceName } from './file-names'
import { PathError } from './path-error'

/**
 * Lexical checks on a path that should stay inside some root. Returns the segments
 * (separated by "/" or "\" so Windows-style input is judged the same everywhere).
 */
export function assertSafeRelativePath(relative: unknown): string[] {
  if (typeof relative !== 'string') throw new PathError(relative, 'not-a-string')
  if (relative.includes('\0')) throw new PathError(relative, 'nul-byte')
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new PathError(relative, 'absolute')
  }
  const segments = relative.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.')
  if (segments.length === 0) throw new PathError(relative, 'empty')
  for (const segment of segments) {
    if (segment === '..') throw new PathError(relative, 'parent-segment')
    if (isWindowsDeviceName(segment)) throw new PathError(relative, 'device-name')
  }
  return segments
}

/** The real location of the deepest part of `target` that exists (targets of writes may not exist yet). */
async function realpathOfExistingPart(target: string): Promise<string> {
  const missing: string[] = []
  let current = target
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse())
    } catch (error) {
      if (!hasErrnoCode(error, 'ENOENT', 'ENOTDIR')) throw error
      const parent = path.dirname(current)
      if (parent === current) throw error
      missing.push(path.basename(current))
      current = parent
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const relation = path.relative(root, candidate)
  return relation === '' || (!relation.startsWith('..') && !path.isAbsolute(relation))
}

/**
 * Resolves `relative` under `root`, refusing anything that could reach outside it:
 * absolute paths, "..", NUL bytes, Windows device names, and symlinks (anywhere along
 * the path) whose real target lies outside the root's real location.
 */
export async function resolveInside(root: string, relative: string): Promise<string> {
  const segments = assertSafeRelativePath(relative)
  const resolved = path.join(root, ...segments)
  const realRoot = await realpath(root)
  const realTarget = await realpathOfExistingPart(resolved)
  if (!isInside(realRoot, realTarget)) throw new PathError(relative, 'outside-root')
  return resolved
}
