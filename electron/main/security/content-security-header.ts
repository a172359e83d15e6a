import type { Session } from 'electron'
import { contentSecurityPolicy } from './content-security-policy'

/** Adds the CSP header to every response (the dev server's too); index.html carries the same policy as a meta tag. */
export function enforceContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] },
    })
  })
}
