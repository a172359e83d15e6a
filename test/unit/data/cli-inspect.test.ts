import { resolve } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runInspect } from '../../../electron/cli/inspect'

const FIXTURES = resolve(__dirname, '../../fixtures/csv-cases')
const SAMPLES = resolve(__dirname, '../../../resources/samples')

class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

async function inspect(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const stdout = new Capture()
  const stderr = new Capture()
  const status = await runInspect(argv, { stdout, stderr })
  return { status, out: stdout.text, err: stderr.text }
}

describe('lstm-studio inspect', () => {
  it('prints format, columns with missing counts, rows and frequency', async () => {
    const { status, out, err } = await inspect(resolve(FIXTURES, 'tab_separated_missing.tsv'))
    expect(status).toBe(0)
    expect(err).toBe('')
    expect(out).toContain('tab-separated')
    expect(out).toContain('Rows:      48')
    expect(out).toMatch(/temp\s+numeric\s+missing 2/)
    expect(out).toMatch(/humidity\s+numeric\s+missing 1/)
    expect(out).toContain('Frequency: monthly, seasonal period 12')
  })

  it('prints the same as JSON with --json', async () => {
    const { status, out } = await inspect('--json', resolve(SAMPLES, 'taylor.csv'))
    expect(status).toBe(0)
    const report = JSON.parse(out)
    expect(report).toMatchObject({ file: 'taylor.csv', status: 'ok', rowCount: 4032, seasonalPeriod: 48 })
    expect(report.detected.frequency).toMatchObject({
      frequency: { unit: 'minute', step: 30 },
      irregular: false,
    })
    expect(report.columns).toEqual([
      { name: 'date', kind: 'time', missing: 0 },
      { name: 'value', kind: 'numeric', missing: 0 },
    ])
  })

  it('lists pending decisions', async () => {
    const { status, out } = await inspect(resolve(FIXTURES, 'duplicate_timestamps.csv'))
    expect(status).toBe(0)
    expect(out).toMatch(/Decide: .*2001-04-01/)
  })

  it('returns 2 with the message on stderr for a refused file', async () => {
    const { status, out, err } = await inspect(resolve(FIXTURES, 'binary_garbage.csv'))
    expect(status).toBe(2)
    expect(out).toBe('')
    expect(err).toBe('binary_garbage.csv: is not a text file (it contains binary data)\n')
  })

  it('returns 1 on a usage error', async () => {
    expect((await inspect()).status).toBe(1)
    expect((await inspect('a.csv', '--bogus')).err).toContain('unknown option --bogus')
  })
})
