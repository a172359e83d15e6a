/**
 * Runs async tasks one after another. Read-modify-write of one file must not interleave,
 * or two quick updates would each start from the same old content and one would be lost.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
