import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { callerOverPort, serveOverPort } from '../../../worker/threads/port-rpc'
import { serveTrainer, trainerOverPort } from '../../../worker/training/port-trainer'
import { TrainingCancelled, type TrainRequest } from '../../../worker/training/trainer'

describe('calls across a MessagePort', () => {
  it('pairs answers with their calls, channel by channel, on one shared port, progress included', async () => {
    const { port1, port2 } = new MessageChannel()
    serveOverPort<number, number, string>(port1, 'square', async (n, progress) => {
      progress(`squaring ${n}`)
      return n * n
    })
    serveOverPort<string, string>(port1, 'shout', async (text) => text.toUpperCase())
    const square = callerOverPort<number, number, string>(port2, 'square')
    const shout = callerOverPort<string, string>(port2, 'shout')
    const seen: string[] = []
    try {
      const [a, b, c] = await Promise.all([square(3, (p) => seen.push(p)), shout('hi'), square(4)])
      expect([a, b, c]).toEqual([9, 'HI', 16])
      expect(seen).toEqual(['squaring 3'])
    } finally {
      port1.close()
      port2.close()
    }
  })

  it('brings a failure back with its message, and a cancelled training as TrainingCancelled', async () => {
    const { port1, port2 } = new MessageChannel()
    let calls = 0
    serveTrainer(port1, async () => {
      calls++
      throw calls === 1 ? new TrainingCancelled('stopped by the user') : new Error('out of memory')
    })
    const trainer = trainerOverPort(port2)
    const request = {} as TrainRequest
    try {
      const cancelled = await trainer(request).catch((error: unknown) => error)
      expect(cancelled).toBeInstanceOf(TrainingCancelled)
      expect((cancelled as Error).message).toBe('stopped by the user')
      const failed = await trainer(request).catch((error: unknown) => error)
      expect(failed).not.toBeInstanceOf(TrainingCancelled)
      expect((failed as Error).message).toBe('out of memory')
    } finally {
      port1.close()
      port2.close()
    }
  })
})
