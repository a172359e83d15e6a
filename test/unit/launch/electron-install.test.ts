import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  electronBinaryPath,
  electronInstallerPath,
  expectedElectronBinary,
} from '../../../scripts/electron/binary.cjs'
import { electronCommandLine } from '../../../scripts/electron/command-line.cjs'
import { ensureElectronBinary } from '../../../scripts/electron/ensure-binary.cjs'
import { installerError, runElectronInstaller } from '../../../scripts/electron/installer.cjs'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lstm-launch-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A small installer script of our own, run as a real child process like Electron's install.js. */
function fakeInstaller(body: string): string {
  const file = path.join(dir, `installer-${Math.random().toString(36).slice(2)}.cjs`)
  writeFileSync(file, body)
  return file
}

const quietly = (installer: string, env: NodeJS.ProcessEnv = process.env) =>
  runElectronInstaller({ installer, env, stdio: 'ignore' })

describe("running Electron's installer", () => {
  it('reports success when the installer exits 0', async () => {
    expect(await quietly(fakeInstaller('process.exit(0)'))).toEqual({ ok: true })
  })

  it('quotes the error the installer printed before its stack trace', async () => {
    const installer = fakeInstaller(`
      console.log('Downloading electron-v45.5.0-linux-x64.zip')
      console.error(new TypeError('fetch failed').stack)
      process.exit(1)`)
    expect(await quietly(installer)).toEqual({
      ok: false,
      error: 'TypeError: fetch failed',
      interrupted: false,
    })
  })

  it('adds the cause of a failed download, which the installer leaves out', async () => {
    // A server of ours on the loopback address that hangs up on every request.
    const server = createNetServer((socket) => socket.once('data', () => socket.destroy()))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/electron.zip`
    const installer = fakeInstaller(`
      fetch(${JSON.stringify(url)}).catch((error) => {
        console.error(error.stack)
        process.exit(1)
      })`)
    try {
      expect(await quietly(installer)).toEqual({
        ok: false,
        error: 'TypeError: fetch failed (other side closed)',
        interrupted: false,
      })
    } finally {
      server.close()
    }
  })

  it('quotes an uncaught exception, which Node prints without process.stderr', async () => {
    const installer = fakeInstaller("throw new Error('Electron builds are not available on platform: aix')")
    const result = await quietly(installer)
    expect(result).toEqual({
      ok: false,
      error: 'Error: Electron builds are not available on platform: aix',
      interrupted: false,
    })
  })

  it('says the exit code when the installer printed nothing', async () => {
    expect(await quietly(fakeInstaller('process.exit(3)'))).toEqual({
      ok: false,
      error: 'it exited with code 3',
      interrupted: false,
    })
  })

  it('tells an installer stopped by a signal (Ctrl+C) from a failed one', async () => {
    const result = await quietly(fakeInstaller("process.kill(process.pid, 'SIGTERM')"))
    expect(result).toEqual({ ok: false, error: 'it was stopped (SIGTERM)', interrupted: true })
  })

  it("gets the real installer's real error: a mirror without the file, a binary path that does not exist", async () => {
    // ELECTRON_MIRROR points at a server of ours that has no Electron (404), the cache is
    // empty and ELECTRON_OVERRIDE_DIST_PATH names no binary: the installer must download,
    // and fails the way it fails on a user's machine, without leaving this machine.
    const server = createServer((_request, response) => response.writeHead(404).end())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const ownSettings = Object.entries(process.env).filter(([key]) => !/electron_/i.test(key))
    const env = {
      ...Object.fromEntries(ownSettings),
      ELECTRON_MIRROR: mirror,
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron-here'),
      electron_config_cache: path.join(dir, 'empty-cache'),
      ELECTRON_GET_NO_PROGRESS: '1',
    }
    try {
      const result = await quietly(electronInstallerPath()!, env)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error).toMatch(
        new RegExp(
          `^HTTPError: Response code 404 \\(Not Found\\) for ${mirror}v45\\.5\\.0/electron-v45\\.5\\.0-`,
        ),
      )
    } finally {
      server.close()
    }
  })
})

describe("the installer's error in one line", () => {
  it('is the message above the first stack frame', () => {
    const stderr =
      'TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n    at async x (y.js:2:3)\n'
    expect(installerError({ stderr })).toBe('TypeError: fetch failed')
    expect(installerError({ stderr, fetchFailure: 'getaddrinfo ENOTFOUND github.com' })).toBe(
      'TypeError: fetch failed (getaddrinfo ENOTFOUND github.com)',
    )
  })

  it('is the last line printed when there is no stack, skipping progress bars', () => {
    expect(installerError({ stderr: 'warming up\r\nno space left on device\n' })).toBe(
      'no space left on device',
    )
    const progress = 'Error: checksum mismatch\rDownloading electron.zip: [====] 100%\r'
    expect(installerError({ stderr: progress, fetchFailure: 'timeout' })).toBe('Error: checksum mismatch')
  })

  it('is nothing when the installer printed nothing', () => {
    expect(installerError({ stderr: '\n  \n' })).toBeNull()
  })
})

describe('npm start: launch, install, or fall back', () => {
  const binary = () => path.join(dir, 'dist', 'electron')
  const findBinary = () => (existsSync(binary()) ? binary() : null)
  const lines: string[] = []
  const log = (line: string) => void lines.push(line)
  beforeEach(() => void (lines.length = 0))

  it('launches a binary that is there without running the installer', async () => {
    mkdirSync(path.dirname(binary()))
    writeFileSync(binary(), '')
    const marker = path.join(dir, 'installer-ran')
    const install = () => quietly(fakeInstaller(`require('fs').writeFileSync(${JSON.stringify(marker)}, '')`))
    expect(await ensureElectronBinary({ findBinary, install, log })).toEqual({ binary: binary() })
    expect(existsSync(marker)).toBe(false)
    expect(lines).toEqual([])
  })

  it('runs the installer when the binary is missing, then launches what it installed', async () => {
    const installer = fakeInstaller(`
      const fs = require('fs'), path = require('path')
      fs.mkdirSync(path.dirname(${JSON.stringify(binary())}), { recursive: true })
      fs.writeFileSync(${JSON.stringify(binary())}, '')`)
    const result = await ensureElectronBinary({ findBinary, install: () => quietly(installer), log })
    expect(result).toEqual({ binary: binary() })
    expect(lines).toEqual([
      "Electron's binary is not installed yet: running Electron's installer (node_modules/electron/install.js)…",
    ])
  })

  it("falls back with the installer's own error when it fails", async () => {
    const installer = fakeInstaller(`
      console.error(new Error('Response code 403 (Forbidden) for https://mirror.example/v45.5.0/electron.zip').stack)
      process.exit(1)`)
    const result = await ensureElectronBinary({ findBinary, install: () => quietly(installer), log })
    expect(result).toEqual({
      binary: null,
      reason:
        "Electron's installer failed: Error: Response code 403 (Forbidden) for https://mirror.example/v45.5.0/electron.zip",
      interrupted: false,
    })
  })

  it('falls back, naming the missing binary, when the installer succeeded without installing one', async () => {
    const result = await ensureElectronBinary({
      findBinary,
      install: () => quietly(fakeInstaller('')),
      log,
    })
    expect(result.binary).toBeNull()
    expect(result.binary === null && result.reason).toMatch(
      /^Electron's installer finished, but there is no binary at /,
    )
  })
})

describe("where Electron's binary is", () => {
  it('honours ELECTRON_OVERRIDE_DIST_PATH, a binary the user already has', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'my-electron') }
    const expected = expectedElectronBinary(env)!
    expect(expected.startsWith(env.ELECTRON_OVERRIDE_DIST_PATH)).toBe(true)
    expect(electronBinaryPath(env)).toBeNull()
    mkdirSync(path.dirname(expected), { recursive: true })
    writeFileSync(expected, '')
    expect(electronBinaryPath(env)).toBe(expected)
  })
})

describe("Electron's command line", () => {
  it('turns off the OS sandbox only for root, and says so', () => {
    expect(electronCommandLine('/app', 1000)).toEqual({ args: ['/app'], note: null })
    const asRoot = electronCommandLine('/app', 0)
    expect(asRoot.args).toEqual(['--no-sandbox', '/app'])
    expect(asRoot.note).toMatch(/root.*--no-sandbox/)
  })
})
