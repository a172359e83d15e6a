import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'

export type ChildMessage = { saved?: number; locked?: number; error?: string }

const childrenDir = path.join(__dirname, 'children')

/** Forks a TypeScript script from children/ with tsx, so it can import the service sources. */
export function forkChild(script: string, args: string[]): ChildProcess {
  return fork(path.join(childrenDir, script), args, {
    execPath: process.execPath,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}

/**
 * For tests that start many children: bundles the script (and the service sources it
 * imports) once into plain JavaScript. Starting tsx costs ~0.5 s of CPU per process, which
 * for 30+ children on a shared 2-core machine blew the time budget; plain node needs ~0.1 s.
 */
export async function bundleChild(script: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.parse(script).name}.cjs`)
  await build({
    entryPoints: [path.join(childrenDir, script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  })
  return outfile
}

/** Forks a script made by bundleChild with plain node. */
export function forkBundled(bundlePath: string, args: string[]): ChildProcess {
  return fork(bundlePath, args, {
    execPath: process.execPath,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}

/** Resolves with the first message satisfying `accept`; rejects if the child exits or reports an error. */
export function waitForMessage(
  child: ChildProcess,
  accept: (message: ChildMessage) => boolean,
): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.error) finish(() => reject(new Error(`child failed: ${message.error}`)))
      else if (accept(message)) finish(() => resolve(message))
    }
    const onExit = (code: number | null) => finish(() => reject(new Error(`child exited early (${code})`)))
    const finish = (settle: () => void) => {
      child.off('message', onMessage)
      child.off('exit', onExit)
      settle()
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

/** SIGKILL, then wait until the OS has reaped it (a zombie still answers signal 0). */
export function killAndReap(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}
