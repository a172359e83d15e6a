import type { FaultKind } from './task-types'

/**
 * Test hook: simulates a crashing worker. The main side only puts a fault into a task when the
 * service was created with test hooks enabled, so production tasks never carry one.
 */
export function injectFault(fault: FaultKind | undefined): void {
  if (fault === 'throw') throw new Error('Injected worker fault (test hook)')
  // In a worker thread this ends the thread only, which is exactly a worker dying mid-step.
  if (fault === 'exit') process.exit(70)
}
