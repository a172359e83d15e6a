import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** 256 bits, URL-safe: printed in the URL the user opens, required on every connection. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type Refusal = { status: 401 | 403 | 421; reason: string }

/**
 * Decides whether a WebSocket upgrade may proceed. A page on another site can open a
 * socket to 127.0.0.1 (browsers do not apply the same-origin policy to WebSockets), so
 * the Origin must be our own when present; DNS rebinding is stopped by the Host check;
 * and nothing works without the token.
 */
export function checkUpgrade(
  request: IncomingMessage,
  token: string,
  allowedHosts: Set<string>,
): Refusal | null {
  const host = request.headers.host ?? ''
  if (!allowedHosts.has(host)) return { status: 421, reason: `unexpected Host "${host}"` }
  const origin = request.headers.origin
  if (origin !== undefined && !allowedHosts.has(hostOfOrigin(origin))) {
    return { status: 403, reason: `foreign Origin "${origin}"` }
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (!tokensMatch(token, url.searchParams.get('token')))
    return { status: 401, reason: 'missing or wrong token' }
  return null
}

function hostOfOrigin(origin: string): string {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' ? url.host : ''
  } catch {
    return ''
  }
}

/** Host header values under which this server may be reached. */
export function allowedHostsFor(host: string, port: number): Set<string> {
  const names = new Set([host, host === '127.0.0.1' ? 'localhost' : host])
  return new Set([...names].map((name) => `${name.includes(':') ? `[${name}]` : name}:${port}`))
}
