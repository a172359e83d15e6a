import { describe, expect, it } from 'vitest'
import { requests, type RequestName } from '../../../electron/api/contract'
import { LIMITS } from '../../../electron/api/requests/common'

/** One id argument of one request, with the other arguments it needs. */
const idFields: Array<[RequestName, string, Record<string, unknown>]> = [
  ['projects.get', 'projectId', {}],
  ['data.series', 'datasetId', { projectId: 'p' }],
  ['data.cancelImport', 'importId', {}],
  ['models.evaluation', 'modelId', { projectId: 'p' }],
  ['models.forecast', 'datasetId', { projectId: 'p', modelId: 'm' }],
  ['forecasts.exportCsv', 'forecastId', { projectId: 'p' }],
  ['inside.trace', 'modelId', { projectId: 'p' }],
  ['training.status', 'jobId', {}],
  ['training.autoPlan', 'datasetId', { projectId: 'p', targets: ['value'] }],
]

function accepts(name: RequestName, field: string, others: Record<string, unknown>, id: unknown): boolean {
  return requests[name].args.safeParse({ ...others, [field]: id }).success
}

describe('one id schema for every handle', () => {
  it.each(idFields)('%s takes the ids the services hand out as %s', (name, field, others) => {
    for (const id of ['run-lx2k3-42', '9b2f6a40-1f6e-4d8b-8f5e-2a7c9d3e4b50', 'legacy_dataset_1', 'a'])
      expect(accepts(name, field, others, id), id).toBe(true)
    expect(accepts(name, field, others, 'x'.repeat(LIMITS.idLength))).toBe(true)
  })

  it.each(idFields)('%s refuses anything else as %s', (name, field, others) => {
    for (const id of ['', '../x', 'a/b', 'a b', 'ü', 'x'.repeat(LIMITS.idLength + 1), 7])
      expect(accepts(name, field, others, id), String(id)).toBe(false)
  })

  it('training.start names its run with the same ids', () => {
    const schema = requests['training.start'].args.shape.runId
    expect(schema.safeParse('run-1').success).toBe(true)
    expect(schema.safeParse('run 1').success).toBe(false)
  })
})
