import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PathError } from '../../../electron/services/storage/path-error'
import { assertSafeRelativePath, resolveInside } from '../../../electron/services/storage/safe-path'
import { toSafeFileName } from '../../../electron/services/storage/file-names'
import { rejectsWithCode, useTempDirs } from './helpers'

const tempDir = useTempDirs()

describe('assertSafeRelativePath', () => {
  it.each([
    ['/etc/passwd', 'absolute'],
    ['C:\\Windows\\system32', 'absolute'],
    ['C:foo', 'absolute'],
    ['\\\\server\\share\\x', 'absolute'],
    ['../secret', 'parent-segment'],
    ['data/../../secret', 'parent-segment'],
    ['data\\..\\..\\secret', 'parent-segment'],
    ['data/a\0b', 'nul-byte'],
    ['data/CON', 'device-name'],
    ['nul.txt', 'device-name'],
    ['data/com1.csv', 'device-name'],
    ['LPT9', 'device-name'],
    ['', 'empty'],
    ['./', 'empty'],
  ])('refuses %j (%s)', (input, problem) => {
    try {
      assertSafeRelativePath(input)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(PathError)
      expect((error as PathError).problem).toBe(problem)
      expect((error as PathError).code).toBe('PATH_OUTSIDE_PROJECT')
    }
  })

  it('refuses values that are not strings', () => {
    expect(() => assertSafeRelativePath(42)).toThrow(PathError)
  })

  it.each(['data/sales.csv', 'runs/r1/config.json', 'data\\x.csv', 'console.csv', 'com10.csv', './data/a'])(
    'accepts %j',
    (input) => {
      expect(assertSafeRelativePath(input).length).toBeGreaterThan(0)
    },
  )

  it('names the offending path in the message', () => {
    expect(() => assertSafeRelativePath('../x')).toThrow(/"\.\.\/x"/)
  })
})

describe('resolveInside', () => {
  it('joins a safe path under the root, even if it does not exist yet', async () => {
    const root = await tempDir()
    expect(await resolveInside(root, 'data/new/file.csv')).toBe(path.join(root, 'data', 'new', 'file.csv'))
  })

  it('refuses a symlink inside the root that points outside it', async () => {
    const root = await tempDir()
    const outside = await tempDir()
    await writeFile(path.join(outside, 'secret.txt'), 'x')
    await symlink(outside, path.join(root, 'escape'))
    const error = await rejectsWithCode(resolveInside(root, 'escape/secret.txt'), 'PATH_OUTSIDE_PROJECT')
    expect((error as PathError).problem).toBe('outside-root')
    await rejectsWithCode(resolveInside(root, 'escape/not-yet-there.txt'), 'PATH_OUTSIDE_PROJECT')
  })

  it('allows symlinks that stay inside the root, and a root that is itself a symlink', async () => {
    const base = await tempDir()
    const realRoot = path.join(base, 'real')
    await mkdir(path.join(realRoot, 'data'), { recursive: true })
    await symlink(path.join(realRoot, 'data'), path.join(realRoot, 'alias'))
    await symlink(realRoot, path.join(base, 'linked-root'))
    const linkedRoot = path.join(base, 'linked-root')
    expect(await resolveInside(linkedRoot, 'alias/a.csv')).toBe(path.join(linkedRoot, 'alias', 'a.csv'))
  })
})

describe('toSafeFileName', () => {
  it.each([
    ['Sales / 2024?', 'Sales _ 2024_'],
    ['CON', 'CON_'],
    ['trailing dots...', 'trailing dots'],
    ['   ', 'Untitled'],
    ['a:b*c', 'a_b_c'],
  ])('%j becomes %j', (input, expected) => {
    expect(toSafeFileName(input)).toBe(expected)
  })
})
