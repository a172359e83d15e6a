import { open, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { securityHeaders } from './security-headers'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/** Serves the built renderer; only GET/HEAD, only files inside `root`, no directory listings. */
export function createStaticHandler(root: string, port: () => number) {
  const resolvedRoot = path.resolve(root)
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed')
    const pathname = decodeSafely(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (pathname === null) return send(response, 400, 'Bad path')
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
    const file = path.resolve(resolvedRoot, relative)
    if (!file.startsWith(resolvedRoot + path.sep)) return send(response, 404, 'Not found')
    // stat first: opening a FIFO or device would block until someone writes to it.
    if (!(await stat(file).catch(() => null))?.isFile()) return send(response, 404, 'Not found')
    const handle = await open(file, 'r').catch(() => null)
    if (!handle) return send(response, 404, 'Not found')
    try {
      const info = await handle.stat()
      response.writeHead(200, {
        ...securityHeaders(port()),
        'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
      })
      if (request.method === 'HEAD') return void response.end()
      // A read error (file replaced, disk fault) or a client gone mid-transfer ends this
      // one response; an unhandled stream error would take the whole server down.
      await pipeline(handle.createReadStream({ autoClose: false }), response).catch(() => response.destroy())
    } finally {
      await handle.close()
    }
  }
}

function decodeSafely(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname)
    return decoded.includes('\0') ? null : decoded
  } catch {
    return null
  }
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text)
}
