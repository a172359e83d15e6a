import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { createDispatcher } from './api/dispatch'
import { appIdentity } from './identity'
import { findRendererDir, findResourcesDir } from './runtime-paths'
import { startServer } from './server'
import { createServices } from './services'
import { defaultSettingsDir } from './settings-dir'
import { bundledWorkerFiles } from './worker-files'
import path from 'node:path'

/**
 * `npm run serve`: the app in a browser, through the loopback WebSocket adapter.
 * Prints the URL (it carries the session token) on stdout, one line, so scripts and the
 * end-to-end fixture can read it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      open: { type: 'boolean', default: false },
      // Keeps settings and projects in one folder (tests, portable use).
      'data-dir': { type: 'string' },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got "${values.port}"`)
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    process.stderr.write(
      `Warning: listening on ${values.host}, reachable from other machines; the token still guards it.\n`,
    )
  }
  const here = path.dirname(process.argv[1] ?? '.')
  const services = createServices({
    identity: appIdentity(null),
    samplesDir: path.join(findResourcesDir(here), 'samples'),
    settingsDir: values['data-dir'] ? path.join(values['data-dir'], 'settings') : defaultSettingsDir(),
    workers: bundledWorkerFiles,
    defaultProjectsFolder: values['data-dir'] ? path.join(values['data-dir'], 'projects') : undefined,
  })
  const server = await startServer({
    dispatch: createDispatcher(services.handlers),
    bus: services.bus,
    staticRoot: findRendererDir(here),
    port,
    host: values.host,
  })
  process.stdout.write(`LSTM Studio is running at ${server.url}\n`)
  if (values.open) openBrowser(server.url)
  const stop = () =>
    void server
      .close()
      .then(() => services.dispose())
      .then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(command, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => process.stderr.write('No browser could be opened; open the URL above yourself.\n'))
  child.unref()
}

main().catch((error: unknown) => {
  process.stderr.write(
    `LSTM Studio server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
