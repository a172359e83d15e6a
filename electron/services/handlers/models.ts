import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Handlers } from '../../api/dispatch'
import type { IntervalBands } from '../../api/requests/models'
import { forecastAhead, type TargetForecast } from '../../../worker/pipeline/index'
import { exportModelFolder } from '../exports'
import { anyForecastCsv } from '../forecasting/forecast-csv'
import { modelDirectory, modelWithData } from '../forecasting/model-source'
import { EVALUATION_FILE } from '../forecasting/run-lifecycle'
import { savedEvaluation, savedForecastTargets } from '../forecasting/saved-views'
import type { OpenProjects } from '../open-projects'
import { CodedError, writeFileAtomic, writeJsonAtomic } from '../storage'

type ModelHandlers = Pick<
  Handlers,
  'models.evaluation' | 'models.forecast' | 'models.export' | 'forecasts.exportCsv'
>

export function modelHandlers(open: OpenProjects, appVersion: string): ModelHandlers {
  return {
    'models.evaluation': async ({ projectId, modelId }) => {
      const session = open.get(projectId)
      const directory = await modelDirectory(session, modelId)
      return savedEvaluation(JSON.parse(await readFile(path.join(directory, EVALUATION_FILE), 'utf8')))
    },
    'models.forecast': async ({ projectId, modelId, horizon, datasetId }) => {
      const session = open.get(projectId)
      const { loaded, series } = await modelWithData(session, modelId, datasetId)
      const ahead = await forecastAhead(loaded.model, series, { horizon })
      const targets = ahead.targets.map((forecast) => ({ target: forecast.name, bands: bandsOf(forecast) }))
      const timestamps = ahead.timestamps ? Array.from(ahead.timestamps) : null
      const forecastId = randomUUID()
      const file = `forecasts/${forecastId}.csv`
      const saved = { timestamps, targets }
      await writeFileAtomic(
        await session.resolve(file),
        anyForecastCsv(saved, { delimiter: ',', decimalSeparator: '.' }),
      )
      await writeJsonAtomic(await session.resolve(`forecasts/${forecastId}.json`), saved)
      await session.addForecast({ id: forecastId, modelId, file })
      return { forecastId, modelId, ...saved, file }
    },
    'models.export': async ({ projectId, modelId, format, outDir, overwrite }) => {
      const session = open.get(projectId)
      const source = await modelDirectory(session, modelId)
      const target = outDir ?? (await session.resolve(`models/${modelId}/exports/${format}`))
      const result = await exportModelFolder(source, format, target, { appVersion, overwrite })
      return { format, path: result.directory, files: result.files }
    },
    'forecasts.exportCsv': async ({ projectId, forecastId, delimiter, decimalSeparator }) => {
      const session = open.get(projectId)
      if (!session.manifest.forecasts.some((forecast) => forecast.id === forecastId))
        throw new CodedError('NOT_FOUND', `No forecast with id "${forecastId}" in this project`)
      const json = JSON.parse(await readFile(await session.resolve(`forecasts/${forecastId}.json`), 'utf8'))
      const saved = { timestamps: json.timestamps as number[] | null, targets: savedForecastTargets(json) }
      const csv = anyForecastCsv(saved, { delimiter, decimalSeparator })
      const suffix = delimiter === '\t' ? 'tab' : delimiter === ';' ? 'semicolon' : 'comma'
      const file = `forecasts/${forecastId}-${suffix}.csv`
      await writeFileAtomic(await session.resolve(file), csv)
      return { path: await session.resolve(file), csv }
    },
  }
}

/** A forecast's mean and its 80 % and 95 % bands as plain arrays. */
function bandsOf(forecast: Pick<TargetForecast, 'mean' | 'intervals'>): IntervalBands {
  const band = (level: number, side: 'lower' | 'upper') =>
    Array.from(forecast.intervals.find((interval) => interval.level === level)?.[side] ?? [])
  return {
    mean: Array.from(forecast.mean),
    lower80: band(80, 'lower'),
    upper80: band(80, 'upper'),
    lower95: band(95, 'lower'),
    upper95: band(95, 'upper'),
  }
}
