// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { chartTitle } from '../../../renderer/src/screens/forecast/chart-title'
import { downloadExportZip } from '../../../renderer/src/screens/forecast/export-download'

/** An API that zips into `bytes` and hands them out `chunk` bytes at a time, as the services do. */
function fakeApi(bytes: Uint8Array, chunk: number) {
  const calls: string[] = []
  const api = {
    call: async (name: string, args: Record<string, unknown>) => {
      calls.push(name)
      if (name === 'downloads.zipExport')
        return { fileName: `${String(args.folder)}.zip`, size: bytes.length }
      const offset = args.offset as number
      const part = bytes.subarray(offset, offset + chunk)
      return { data: btoa(String.fromCharCode(...part)), size: bytes.length }
    },
  }
  return { api: api as never, calls }
}

describe('a model export downloaded by a browser', () => {
  it('arrives whole, chunk by chunk, as a zip named after its folder', async () => {
    const bytes = Uint8Array.from({ length: 2500 }, (_, i) => (i * 7) % 256)
    const { api, calls } = fakeApi(bytes, 1000)
    const zip = await downloadExportZip(api, 'p', 'AirPassengers-onnx-2026-12-06')
    expect(zip.name).toBe('AirPassengers-onnx-2026-12-06.zip')
    expect(new Uint8Array(await zip.blob.arrayBuffer())).toEqual(bytes)
    expect(calls).toEqual(['downloads.zipExport', 'downloads.chunk', 'downloads.chunk', 'downloads.chunk'])
  })

  it('stops with a coded error when the file ends early, rather than asking forever', async () => {
    const { api } = fakeApi(new Uint8Array(0), 1000)
    const shrunk = {
      call: async (name: string, args: Record<string, unknown>) => {
        const reply = await (
          api as { call: (n: string, a: Record<string, unknown>) => Promise<{ size: number }> }
        ).call(name, args)
        return { ...reply, size: 10 }
      },
    }
    await expect(downloadExportZip(shrunk as never, 'p', 'x')).rejects.toMatchObject({
      code: 'DOWNLOAD_INCOMPLETE',
    })
  })
})

describe('the chart PNG title', () => {
  it('says dataset · target · model, the target once', () => {
    const dataset = { name: 'AirPassengers', utcOffsetMinutes: null }
    expect(chartTitle({ dataset, target: 'value', name: 'LSTM 16 → LSTM 8 · value' })).toBe(
      'AirPassengers · value · LSTM 16 → LSTM 8',
    )
    expect(chartTitle({ dataset, target: 'visits', name: 'GRU 8 · sales, visits' })).toBe(
      'AirPassengers · visits · GRU 8',
    )
    expect(chartTitle({ target: 'value', name: 'My renamed model' })).toBe('value · My renamed model')
  })
})
