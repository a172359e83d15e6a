import { describe, expect, it } from 'vitest'
import { inspectCsv } from '../../../electron/services/data'
import { importText } from './helpers'

const rows = (stamps: string[]) => `time,load\n${stamps.map((s, i) => `${s},${i + 1}`).join('\n')}\n`

describe("the file's own zone", () => {
  it('is kept when every timestamp writes the same offset', () => {
    const dataset = importText(
      rows(['2020-03-01T00:00:00+01:00', '2020-03-01T01:00:00+01:00', '2020-03-01T02:00:00+01:00']),
    )
    expect(dataset.detected.utcOffsetMinutes).toBe(60)
    // The instants themselves stay UTC: midnight at +01:00 is 23:00 the day before.
    expect(dataset.timestamps![0]).toBe(Date.UTC(2020, 1, 29, 23))
    expect(importText(rows(['2020-01-01 00:00Z', '2020-01-01 01:00Z'])).detected.utcOffsetMinutes).toBe(0)
  })

  it('is null when none is written, or several are (then times are shown in UTC)', () => {
    expect(importText(rows(['2020-03-01 00:00', '2020-03-01 01:00'])).detected.utcOffsetMinutes).toBeNull()
    const summer = importText(
      rows(['2020-03-29T01:00:00+01:00', '2020-03-29T03:00:00+02:00', '2020-03-29T04:00:00+02:00']),
    )
    expect(summer.detected.utcOffsetMinutes).toBeNull()
    const partly = importText(rows(['2020-03-01T00:00:00+01:00', '2020-03-01 01:00', '2020-03-01 02:00']))
    expect(partly.detected.utcOffsetMinutes).toBeNull()
  })
})

describe('the preview of a file written at +01:00', () => {
  it('knows its zone from the sampled rows', async () => {
    const text = rows(['2020-03-01T00:00:00+01:00', '2020-03-01T01:00:00+01:00', '2020-03-01T02:00:00+01:00'])
    expect((await inspectCsv(new TextEncoder().encode(text))).sampleOffset).toBe(60)
    expect(
      (await inspectCsv(new TextEncoder().encode(rows(['2020-03-01', '2020-03-02'])))).sampleOffset,
    ).toBeNull()
  })
})
