import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportModelFolder } from '../../../../electron/services/exports/index'
import { inputsFileSection } from '../../../../electron/services/exports/panel/panel-inputs-card'
import { describePanelPreprocessing } from '../../../../worker/export/index'
import { panelInputSize, seriesFeatures } from '../../../../worker/panel/panel-features'
import { forecastPanel } from '../../../../worker/panel/panel-forecast'
import { maxRelativeDifference, panelSource, PERIOD } from './panel-fixtures'
import { exportRoot, panelFolder } from './panel-folders'
import { INPUT_CASE, INPUT_ENCODING, inputNetwork } from './panel-input-fixtures'
import { runScript } from './panel-script-runner'

/** The card of a model with further inputs documents the scripts' inputs file with an example that runs. */

let root = ''
let remove = async () => {}
beforeAll(async () => ({ root, remove } = await exportRoot('panel-inputs-card-')))
afterAll(() => remove())

interface InputsFile {
  attributes: Record<string, string | number | null>
  seasonPosition: number
  covariates: { promo: number[] }
}

describe("a panel model card's inputs file", () => {
  it("shows this model's names, a category and season, and its example runs as the app forecasts", async () => {
    const dir = await panelFolder(root, 'model', { inputs: INPUT_ENCODING }, INPUT_CASE)
    const out = join(root, 'onnx')
    await exportModelFolder(dir, 'onnx', out, { appVersion: '1.2.3' })
    const card = await readFile(join(out, 'README.md'), 'utf8')
    expect(card).not.toContain('stop for this model')
    expect(card).toContain('`python forecast.py series.txt --inputs series-inputs.json`')
    expect(card).toContain(
      '`type` one of its categories (`MICRO`, `MACRO`, or a rarer one of those preprocessing.json lists under `other`',
    )
    expect(card).toContain('in the season of 4 steps, 0 … 3')
    expect(card).toContain('This model also reads further inputs: add `--inputs series-inputs.json`')
    const example = /For a series of 3 values[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(card)
    expect(example).not.toBeNull()
    const file = JSON.parse(example![1]) as InputsFile
    expect(file).toEqual({
      attributes: { type: 'MICRO', size: 3 },
      seasonPosition: 0,
      covariates: { promo: new Array<number>(3 + 4).fill(0.3) },
    })

    // Run as it is, on a series of 3 values: the app's forecast from the same inputs (no dates: position 0).
    const values = Float64Array.from([12, 15, 13])
    await writeFile(join(out, 'inputs.json'), example![1])
    const printed = await runScript(out, values, '--inputs', 'inputs.json')
    const series = {
      key: ['new'],
      values,
      attributes: file.attributes,
      covariates: { promo: Float64Array.from(file.covariates.promo) },
    }
    const features = seriesFeatures(INPUT_ENCODING, [series], [0], null)
    const app = await forecastPanel(inputNetwork(), [values], PERIOD, features)
    expect(maxRelativeDifference(printed.network, app.forecasts[0])).toBeLessThanOrEqual(1e-4)
  })

  it('for a calendar-only model with dates, asks for the position only and says how the dates gave it', () => {
    const inputs = { static: [], calendar: { season: 4 } }
    const source = {
      ...panelSource({ ...INPUT_CASE, inputSize: panelInputSize(inputs) }),
      inputs,
      frequency: { unit: 'quarter' as const, step: 1 },
    }
    const text = inputsFileSection(
      describePanelPreprocessing(source, { scalingInGraph: false, membersSideBySide: false }),
      false,
    ).join('\n')
    expect(text).toContain('the months since year 0 over the months per step, modulo the season')
    expect(text).toContain('a series starting on 2025-04-01 sits at 1')
    expect(text).toContain('```json\n{\n  "seasonPosition": 0\n}\n```')
    expect(text).not.toContain('attributes')
    expect(text).not.toContain('python')
  })
})
