import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createAppUrlCheck } from '../../../electron/main/security/app-url'
import { contentSecurityPolicy } from '../../../electron/main/security/content-security-policy'
import { isAllowedExternalUrl } from '../../../electron/main/security/external-links'

describe('external links', () => {
  it.each([
    ['https://github.com/lstm-studio', true],
    ['https://otexts.com/fpp3/', true],
    ['http://github.com/', false],
    ['https://evil.example/', false],
    ['https://user:pw@github.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })
})

describe('what counts as the app page', () => {
  const index = path.resolve('/opt/lstm/out/renderer/index.html')
  const production = createAppUrlCheck(index, undefined)
  const development = createAppUrlCheck(index, 'http://localhost:5173/')

  it('accepts our index.html (with a hash route) and refuses other files', () => {
    expect(production(pathToFileURL(index).href)).toBe(true)
    expect(production(`${pathToFileURL(index).href}#/data`)).toBe(true)
    expect(production(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(production('https://example.com/')).toBe(false)
    expect(production('http://localhost:5173/')).toBe(false)
  })

  it('accepts the dev server only in development', () => {
    expect(development('http://localhost:5173/src/main.ts')).toBe(true)
    expect(development('http://localhost:5174/')).toBe(false)
  })
})

describe('the Content-Security-Policy', () => {
  it('allows only our own scripts, no eval, no plugins, no framing', () => {
    const policy = contentSecurityPolicy()
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
  })

  it('lets the browser build reach only its own WebSocket', () => {
    expect(contentSecurityPolicy({ websocketPort: 4321 })).toContain("connect-src 'self' ws://127.0.0.1:4321")
  })
})
