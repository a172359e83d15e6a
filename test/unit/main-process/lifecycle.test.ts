import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { quitAfterDispose } from '../../../electron/main/lifecycle/quit-after-dispose'
import { claimSingleInstance } from '../../../electron/main/lifecycle/single-instance'
import type { FocusableWindow } from '../../../electron/main/lifecycle/single-instance'
import { STARTUP_FAILED_TITLE, startOrExplain, startupStep } from '../../../electron/main/lifecycle/startup'

/** A promise with its resolve and reject at hand, so a test decides when work ends. */
function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

/**
 * An app object built for the test: `quit()` emits `before-quit` as Electron's does and
 * counts a quit that no listener prevented; `quitted` resolves on the first one.
 */
function quittingApp() {
  const emitter = new EventEmitter()
  let quits = 0
  let quitted!: () => void
  const done = new Promise<void>((resolve) => (quitted = resolve))
  const app = {
    on: (event: 'before-quit', listener: (event: { preventDefault(): void }) => void) =>
      emitter.on(event, listener),
    quit: () => {
      let prevented = false
      emitter.emit('before-quit', { preventDefault: () => (prevented = true) })
      if (!prevented) {
        quits++
        quitted()
      }
      return prevented ? 'held back' : 'quit'
    },
  }
  return { app, done, quits: () => quits }
}

describe('quitting', () => {
  it('waits for the services to close (training interrupted, checkpoints written), then quits once', async () => {
    const { app, done, quits } = quittingApp()
    const disposal = deferred()
    let disposals = 0
    quitAfterDispose(app, () => {
      disposals++
      return disposal.promise
    })

    expect(app.quit()).toBe('held back')
    // Another quit request (a second Cmd+Q, the last window closing) waits for the same disposal.
    expect(app.quit()).toBe('held back')
    expect(disposals).toBe(1)
    expect(quits()).toBe(0)

    disposal.resolve()
    await done
    expect(quits()).toBe(1)
    expect(disposals).toBe(1)
  })

  it('still quits when closing the services fails, and reports why', async () => {
    const { app, done, quits } = quittingApp()
    const reported: unknown[] = []
    quitAfterDispose(
      app,
      () => Promise.reject(new Error('disk full')),
      (error) => reported.push(error),
    )
    app.quit()
    await done
    expect(quits()).toBe(1)
    expect(String(reported[0])).toBe('Error: disk full')
  })
})

describe('one instance', () => {
  function singleInstanceApp(locked: boolean) {
    const emitter = new EventEmitter()
    const calls: string[] = []
    const app = {
      requestSingleInstanceLock: () => locked,
      on: (event: 'second-instance', listener: () => void) => emitter.on(event, listener),
      quit: () => void calls.push('quit'),
    }
    return { app, calls, secondLaunch: () => emitter.emit('second-instance', {}, [], '/', {}) }
  }

  function window(minimized: boolean, calls: string[]): FocusableWindow {
    return {
      isMinimized: () => minimized,
      restore: () => void calls.push('restore'),
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    }
  }

  it('a second launch quits without starting anything', () => {
    const { app, calls } = singleInstanceApp(false)
    expect(claimSingleInstance(app, { current: () => undefined, open: () => calls.push('open') })).toBe(false)
    expect(calls).toEqual(['quit'])
  })

  it("brings the first instance's window forward, restored if minimized", () => {
    const { app, calls, secondLaunch } = singleInstanceApp(true)
    let minimized = true
    expect(
      claimSingleInstance(app, { current: () => window(minimized, calls), open: () => calls.push('open') }),
    ).toBe(true)
    secondLaunch()
    expect(calls).toEqual(['restore', 'show', 'focus'])
    calls.length = 0
    minimized = false
    secondLaunch()
    expect(calls).toEqual(['show', 'focus'])
  })

  it('opens a window where the first instance has none left (macOS)', () => {
    const { app, calls, secondLaunch } = singleInstanceApp(true)
    claimSingleInstance(app, { current: () => undefined, open: () => calls.push('open') })
    secondLaunch()
    expect(calls).toEqual(['open'])
  })
})

describe('a start-up that fails', () => {
  function failureHandling() {
    const calls: string[] = []
    const shown: { title: string; content: string }[] = []
    const logged: string[] = []
    return {
      calls,
      shown,
      logged,
      handling: {
        showErrorBox: (title: string, content: string) => {
          calls.push('message')
          shown.push({ title, content })
        },
        cleanUp: async () => void calls.push('clean up'),
        exit: (code: number) => void calls.push(`exit ${code}`),
        log: (line: string) => void logged.push(line),
      },
    }
  }

  it('tells the user which step failed and why, closes what had started, and exits with status 1', async () => {
    const { calls, shown, handling } = failureHandling()
    await startOrExplain(async () => {
      await startupStep('Starting Electron', () => undefined)
      await startupStep('Starting the services', () => {
        throw new Error("EACCES: permission denied, mkdir '/home/ana/.config/LSTM Studio'")
      })
      calls.push('opened the window')
    }, handling)
    expect(calls).toEqual(['message', 'clean up', 'exit 1'])
    expect(shown[0]!.title).toBe(STARTUP_FAILED_TITLE)
    expect(shown[0]!.content).toMatch(
      /^Starting the services failed: EACCES: permission denied, mkdir '\/home\/ana\/\.config\/LSTM Studio'/,
    )
  })

  it('names a failure outside any step as the start-up', async () => {
    const { shown, handling } = failureHandling()
    await startOrExplain(() => Promise.reject(new Error('out of memory')), handling)
    expect(shown[0]!.content).toMatch(/^Start-up failed: out of memory/)
  })

  it('does nothing of the kind when the start-up succeeds', async () => {
    const { calls, handling } = failureHandling()
    await startOrExplain(async () => void (await startupStep('Opening the window', () => 'window')), handling)
    expect(calls).toEqual([])
  })

  it('exits even when closing what had started fails, and says both on the terminal', async () => {
    const { calls, logged, handling } = failureHandling()
    handling.cleanUp = () => Promise.reject(new Error('pool already gone'))
    await startOrExplain(() => Promise.reject(new Error('boom')), handling)
    expect(calls).toEqual(['message', 'exit 1'])
    expect(logged).toEqual([
      expect.stringMatching(/^LSTM Studio could not start: Start-up failed: boom/),
      'Closing the services failed: Error: pool already gone',
    ])
  })
})
