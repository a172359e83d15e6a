import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expectedElectronBinary } from '../../../scripts/electron/binary.cjs'
import { ELECTRON_UNAVAILABLE_ENV, electronUnavailableReason } from '../../e2e/electron-availability'
import { selectsElectronProject } from '../../e2e/global-setup'

afterEach(() => vi.unstubAllEnvs())

describe('which Playwright runs install Electron first', () => {
  it.each([
    [[], true],
    [['--project', 'electron'], true],
    [['--project=electron'], true],
    [['--project', 'web', 'electron'], true],
    [['--project=Elec*'], true],
    [['--project', 'web'], false],
    [['--project=web', 'test/e2e/app-shell.spec.ts'], false],
    [['--project', 'web', 'test/e2e/electron-things.spec.ts', '--workers', '1'], false],
  ])('argv %j: %s', (argv, selected) => {
    expect(selectsElectronProject(['node', 'playwright', 'test', ...argv])).toBe(selected)
  })
})

describe("the electron project's skip reason", () => {
  it("is the installer's error the global set-up recorded, while the binary is missing", () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', path.join(os.tmpdir(), 'no-such-electron-dir'))
    vi.stubEnv(ELECTRON_UNAVAILABLE_ENV, "Electron's installer failed: TypeError: fetch failed")
    expect(electronUnavailableReason()).toBe("Electron's installer failed: TypeError: fetch failed")
  })

  it('names the missing binary when no installer ran', () => {
    const missing = path.join(os.tmpdir(), 'no-such-electron-dir')
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', missing)
    vi.stubEnv(ELECTRON_UNAVAILABLE_ENV, undefined)
    expect(electronUnavailableReason()).toMatch(new RegExp(`^no Electron binary at ${missing}`))
  })

  it('is none once the binary exists, whatever an earlier install said', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lstm-electron-dist-'))
    try {
      vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', dir)
      vi.stubEnv(ELECTRON_UNAVAILABLE_ENV, "Electron's installer failed: TypeError: fetch failed")
      const binary = expectedElectronBinary()!
      mkdirSync(path.dirname(binary), { recursive: true })
      writeFileSync(binary, '')
      expect(electronUnavailableReason()).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the Playwright configuration', () => {
  it('forbids test.only on CI, and only there', async () => {
    vi.stubEnv('CI', 'true')
    vi.resetModules()
    expect((await import('../../../playwright.config')).default.forbidOnly).toBe(true)
    vi.stubEnv('CI', '')
    vi.resetModules()
    expect((await import('../../../playwright.config')).default.forbidOnly).toBe(false)
  })
})
