import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../electron/main/security/ipc-sender'

const root = path.resolve(__dirname, '../../..')

/** The electron-builder configuration as text: the fuses block is small and flat. */
function fuses(): Record<string, string> {
  const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')
  const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(text)?.[1] ?? ''
  return Object.fromEntries(
    block
      .trim()
      .split('\n')
      .map((line) => line.trim().split(': ') as [string, string]),
  )
}

describe('packaged app fuses', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['enableCookieEncryption', 'true'],
  ])('%s is %s', (fuse, value) => {
    expect(fuses()[fuse]).toBe(value)
  })

  it('keeps the pool workers and piscina outside the asar archive', () => {
    const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')
    expect(text).toMatch(/asarUnpack:[\s\S]*out\/main\/chunks\/\*\*[\s\S]*node_modules\/piscina\/\*\*/)
  })
})

describe('IPC sender validation', () => {
  const ours = (url: string) => url === 'file:///app/out/renderer/index.html'
  // Only the two fields the rule reads; WebFrameMain itself exists only inside Electron.
  const frame = (url: string, parent: object | null) => ({ url, parent }) as never

  it('answers our own main frame', () => {
    expect(isTrustedSender(frame('file:///app/out/renderer/index.html', null), ours)).toBe(true)
  })

  it('refuses an iframe, a foreign page and a missing frame', () => {
    expect(isTrustedSender(frame('file:///app/out/renderer/index.html', {}), ours)).toBe(false)
    expect(isTrustedSender(frame('https://evil.example/', null), ours)).toBe(false)
    expect(isTrustedSender(null, ours)).toBe(false)
  })
})
