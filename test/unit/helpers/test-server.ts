import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { startServer } from '../../../electron/server'
import type { RunningServer, ServerOptions } from '../../../electron/server'
import { createTestServices } from './test-services'
import type { TestServices } from './test-services'

export interface TestServer {
  app: TestServices
  /** The running server, once the file's beforeAll has started it. */
  server(): RunningServer
}

/**
 * The loopback server on the real services of a temporary folder, for one test file:
 * started before its tests (serving a one-line index.html, plus what `prepareRoot` adds),
 * closed after them.
 */
export function useTestServer(
  prefix: string,
  options: Partial<Omit<ServerOptions, 'dispatch' | 'bus' | 'staticRoot'>> = {},
  prepareRoot: (root: string) => void = () => undefined,
): TestServer {
  const app = createTestServices(prefix)
  let running: RunningServer | null = null
  beforeAll(async () => {
    writeFileSync(path.join(app.root, 'index.html'), '<!doctype html><title>LSTM Studio</title>')
    prepareRoot(app.root)
    running = await startServer({
      dispatch: app.dispatch,
      bus: app.services.bus,
      staticRoot: app.root,
      ...options,
    })
  })
  afterAll(async () => {
    await running?.close()
    await app.dispose()
  })
  return {
    app,
    server: () => {
      if (!running) throw new Error('the test server starts in beforeAll')
      return running
    },
  }
}
