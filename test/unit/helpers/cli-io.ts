import { PassThrough } from 'node:stream'

/** Streams to hand a CLI command as its stdout and stderr, and the text written to each. */
export function captureIo() {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const text = { stdout: '', stderr: '' }
  stdout.on('data', (chunk) => (text.stdout += String(chunk)))
  stderr.on('data', (chunk) => (text.stderr += String(chunk)))
  return { io: { stdout, stderr }, text }
}

/** A `--config` that trains in a second: one small layer, two epochs, 2 backtest origins. */
export const TINY_CLI_CONFIG = {
  preset: 'manual',
  layers: [{ cell: 'lstm', units: 4, dropout: 0 }],
  lookback: 12,
  horizon: 6,
  epochs: 2,
  patience: 0,
  split: { validation: { count: 12 }, test: { count: 12 } },
  backtest: { origins: 2, refit: false },
}
