import type { Session, WebContents } from 'electron'
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { enforceContentSecurityPolicy } from '../../../electron/main/security/content-security-header'
import { contentSecurityPolicy } from '../../../electron/main/security/content-security-policy'
import { restrictNavigation } from '../../../electron/main/security/navigation'
import { denyAllPermissions } from '../../../electron/main/security/permissions'

/**
 * The main process's security rules, registered on web-contents and session objects built
 * here with only the methods the rules call; the events are the ones Electron emits.
 */

const APP_URL = 'file:///app/out/renderer/index.html'
const isAppUrl = (url: string) => url.split('#')[0] === APP_URL

/** An event as Electron hands it to a listener: preventDefault cancels the action. */
function cancellable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
  return event
}

type OpenHandler = (details: { url: string }) => { action: string }

function navigationRules() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: OpenHandler
    setWindowOpenHandler(handler: OpenHandler): void
  }
  contents.setWindowOpenHandler = (handler) => void (contents.openHandler = handler)
  const opened: string[] = []
  restrictNavigation(contents as unknown as WebContents, isAppUrl, (url) => void opened.push(url))
  const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
    const cancelled = cancellable()
    contents.emit(event, cancelled, url)
    return cancelled.prevented ? 'prevented' : 'allowed'
  }
  return { contents, opened, navigate, open: (url: string) => contents.openHandler!({ url }) }
}

describe('navigation rules of the window', () => {
  it.each(['will-navigate', 'will-redirect'] as const)(
    '%s: stays on our page, goes nowhere else',
    (event) => {
      const { navigate } = navigationRules()
      expect(navigate(event, `${APP_URL}#/train`)).toBe('allowed')
      expect(navigate(event, 'https://github.com/')).toBe('prevented')
      expect(navigate(event, 'file:///etc/passwd')).toBe('prevented')
      expect(navigate(event, 'javascript:alert(1)')).toBe('prevented')
    },
  )

  it('refuses to attach a webview', () => {
    const { contents } = navigationRules()
    const event = cancellable()
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.prevented).toBe(true)
  })

  it('denies every window.open, and opens only allow-listed https links in the browser', () => {
    const { open, opened } = navigationRules()
    for (const url of [
      'https://github.com/lstm-studio',
      'http://github.com/lstm-studio',
      'https://evil.example/',
      'https://user:pw@github.com/',
      `${APP_URL}#/data`,
      'javascript:alert(1)',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    expect(opened).toEqual(['https://github.com/lstm-studio'])
  })
})

describe('permissions', () => {
  it('denies every request, check and device the page asks for', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: (...args: unknown[]) => unknown) => (handlers.device = handler),
    }
    denyAllPermissions(session as unknown as Session)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const answers: boolean[] = []
      handlers.request!({}, permission, (granted: boolean) => answers.push(granted), {})
      expect(answers).toEqual([false])
      expect(handlers.check!({}, permission, APP_URL, {})).toBe(false)
    }
    expect(handlers.device!({ deviceType: 'usb', origin: 'file://' })).toBe(false)
  })
})

describe('the Content-Security-Policy header', () => {
  it("is added to every response, next to the response's own headers", () => {
    let listener: ((details: object, callback: (response: object) => void) => void) | undefined
    const session = {
      webRequest: { onHeadersReceived: (registered: typeof listener) => (listener = registered) },
    }
    enforceContentSecurityPolicy(session as unknown as Session)
    const responses: object[] = []
    listener!({ url: APP_URL, responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => responses.push(r))
    expect(responses).toEqual([
      {
        responseHeaders: {
          'Content-Type': ['text/html'],
          'Content-Security-Policy': [contentSecurityPolicy()],
        },
      },
    ])
  })
})
