import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../../..')
const reviewed = JSON.parse(
  readFileSync(path.join(root, 'electron/main/security/electronegativity-reviewed.json'), 'utf8'),
) as { reviewed: { check: string; file: string; reason: string }[] }

describe('the reviewed electronegativity findings', () => {
  it.each(reviewed.reviewed.map((entry) => [entry.check, entry] as const))(
    '%s names a file and tests that exist',
    (_check, entry) => {
      expect(existsSync(path.join(root, entry.file))).toBe(true)
      const tests = entry.reason.match(/test\/[\w./-]+\.test\.ts/g) ?? []
      expect(tests.length).toBeGreaterThan(0)
      for (const test of tests) expect(existsSync(path.join(root, test)), test).toBe(true)
    },
  )
})
