import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

  describe('refuses with status 2, naming the file, the line and the problem', () => {
    let dir = ''
    beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'lstm-inspect-'))))
    afterAll(() => rm(dir, { recursive: true, force: true }))

    async function inspectText(name: string, text: string) {
      await writeFile(join(dir, name), text)
      return inspect(join(dir, name))
    }

    const days = (n: number) =>
      Array.from({ length: n }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')},${i + 1}\n`).join('')

    it('a file with a single row of data, which can never be forecast', async () => {
      const { status, out, err } = await inspectText('one-row.csv', 'date,value\n2020-01-01,5\n')
      expect(status).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(/^one-row\.csv, line 2: .*only row of data.*at least 2 rows/)
    })

    it('a number of millions of digits, as out of range on its line', async () => {
      const huge = '9'.repeat(2_000_000)
      for (const [name, text, line] of [
        ['huge-first.csv', `date,value\n2020-01-01,${huge}\n2020-01-02,2\n2020-01-03,3\n`, 2],
        ['huge-later.csv', `date,value\n${days(20)}2020-01-21,${huge}\n`, 22],
        ['long.csv', `date,value\n${days(20)}2020-01-21,${'9'.repeat(400)}\n`, 22],
      ] as const) {
        const { status, err } = await inspectText(name, text)
        expect(status, name).toBe(2)
        expect(err).toMatch(
          new RegExp(`^${name.replace('.', '\\.')}, line ${line}: .*column value.*out of range`),
        )
        // The message names the number by its size, it does not print it.
        expect(err.length).toBeLessThan(300)
      }
    })
  })

  it('returns 1 on a usage error', async () => {
    expect((await inspect()).status).toBe(1)
    expect((await inspect('a.csv', '--bogus')).err).toContain('unknown option --bogus')
  })
})
