// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { evaluationOf, forecastScreen } from './forecast-screen'

const NOT_EMPTY = {
  ok: false as const,
  error: {
    code: 'EXPORT_FOLDER_NOT_EMPTY',
    message: 'The folder /p/models/A/exports/onnx already holds README.md',
  },
}
const EXPORTED = {
  ok: true as const,
  result: { format: 'onnx', path: '/p/models/A/exports/onnx', files: [] },
}

async function screenWithModel() {
  const screen = await forecastScreen()
  const selecting = screen.flow.select('A')
  screen.transport.take('models.evaluation', 'A').answer(evaluationOf('A'))
  await selecting
  return screen
}

describe('exporting a model into a folder that already holds files', () => {
  it('asks the user, naming the folder, and writes over it only once they agree', async () => {
    const { transport, flow, notices } = await screenWithModel()
    const questions: string[] = []
    const exporting = flow.exportModel('onnx', (message) => {
      questions.push(message)
      return true
    })
    const first = transport.take('models.export', 'A')
    expect(first.args).not.toHaveProperty('overwrite')
    first.answer(NOT_EMPTY)
    await flushPromises()
    expect(questions).toEqual([NOT_EMPTY.error.message])
    const second = transport.take('models.export', 'A')
    expect(second.args).toMatchObject({ format: 'onnx', overwrite: true })
    second.answer(EXPORTED)
    expect(await exporting).toMatchObject({ path: '/p/models/A/exports/onnx' })
    expect(notices.notices).toEqual([])
  })

  it('writes nothing and reports nothing when the user declines', async () => {
    const { transport, flow, notices } = await screenWithModel()
    const exporting = flow.exportModel('onnx', () => false)
    transport.take('models.export', 'A').answer(NOT_EMPTY)
    expect(await exporting).toBeNull()
    expect(transport.pending).toEqual([])
    expect(notices.notices).toEqual([])
  })
})
