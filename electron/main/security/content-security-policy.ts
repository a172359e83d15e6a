/**
 * One strict Content-Security-Policy for the desktop window and the browser build: only
 * our own scripts, no eval, no plugins, no framing, no remote content. The loopback server
 * adds its own WebSocket endpoint to connect-src; the desktop window needs none.
 * `style-src 'unsafe-inline'` is kept for Vue's and chart.js's runtime style attributes;
 * styles cannot run code.
 */
export function contentSecurityPolicy(options: { websocketPort?: number } = {}): string {
  const connect = ["'self'"]
  if (options.websocketPort !== undefined) {
    connect.push(`ws://127.0.0.1:${options.websocketPort}`, `ws://localhost:${options.websocketPort}`)
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
