/**
 * Child process for the crash test: writes a run folder's checkpoints over and over (one
 * "epoch" after another, with weights large enough that a write takes a while) and reports
 * each completed epoch, until the parent SIGKILLs it. Argument: <runDir>.
 */
import { CheckpointWriter } from '../../../../electron/services/training/checkpoint-writer'
import {
  LAST_CHECKPOINT_FORMAT,
  type LastCheckpoint,
} from '../../../../electron/services/training/checkpoint-format'
import { encodeFloats } from '../../../../electron/services/training/float-codec'

export const WEIGHTS = 200_000

async function main(): Promise<void> {
  const [runDir] = process.argv.slice(2)
  const writer = new CheckpointWriter(runDir!)
  const params = new Float32Array(WEIGHTS)
  for (let epoch = 1; ; epoch++) {
    params.fill(epoch)
    const history = Array.from({ length: epoch }, (_, i) => ({
      epoch: i,
      trainLoss: 1 / (i + 1),
      valLoss: null,
      lr: 0.01,
    }))
    const last = {
      format: LAST_CHECKPOINT_FORMAT,
      jobId: 'crash',
      settings: {
        lookback: 4,
        spec: { inputSize: 1, outputSize: 1, layers: [{ cell: 'lstm', units: 4, dropout: 0 }] },
      },
      windows: { train: 10, validation: 0 },
      epochsDone: epoch,
      history,
      params: encodeFloats(params),
      optimizer: { kind: 'adam', step: epoch, buffers: {} },
    } as unknown as LastCheckpoint
    const best = {
      format: 'lstm-studio-best-weights/1' as const,
      epoch,
      loss: 1 / epoch,
      params: encodeFloats(params),
    }
    const csv = `epoch,train_loss,val_loss,lr\n${history.map((h) => `${h.epoch},${h.trainLoss},,0.01`).join('\n')}\n`
    writer.saveEpoch(last, best, csv)
    await writer.flush()
    process.send?.({ saved: epoch })
  }
}

main().catch((error: unknown) => {
  process.send?.({ error: String(error) })
  process.exit(1)
})
