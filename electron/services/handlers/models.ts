import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Handlers } from '../../api/dispatch'
import { forecastAhead } from '../../../worker/pipeline/index'
import { exportModelFolder } from '../exports'
import { EXPORTS_DIR, exportStem, unusedName } from '../exports/export-file-name'
import { exportSubject } from '../exports/export-subject'
import { bandsOf, forecastCsv, type CsvStyle, type ForecastTable } from '../forecasting/forecast-csv'
import { modelDirectory, modelWithData } from '../forecasting/model-source'
import { EVALUATION_FILE } from '../runs/save-model'
import { savedEvaluation, savedForecastTargets } from '../forecasting/saved-views'
import type { OpenProjects } from '../open-projects'
import type { ProjectSession } from '../projects'
import { CodedError, writeFileAtomic, writeJsonAtomic } from '../storage'

type ModelHandlers = Pick<
  Handlers,
  'models.evaluation' | 'models.forecast' | 'models.export' | 'forecasts.exportCsv'
>

/**
 * Writes a forecast's CSV into `forecasts/` under a name a person reads (`AirPassengers-forecast-2026-12-06.csv`,
 * `-2`… when that day already has one): answers its project-relative path and its text.
 */
async function writeForecastCsv(
  session: ProjectSession,
  subject: string,
  table: ForecastTable,
  style: CsvStyle,
): Promise<{ file: string; csv: string }> {
  const csv = forecastCsv(table, style)
  const name = await unusedName(
    await session.resolve('forecasts'),
    exportStem(subject, 'forecast', new Date()),
    'csv',
  )
  const file = `forecasts/${name}`
  await writeFileAtomic(await session.resolve(file), csv)
  return { file, csv }
}

export function modelHandlers(open: OpenProjects, appVersion: string): ModelHandlers {
  return {
    'models.evaluation': async ({ projectId, modelId }) => {
      const session = open.get(projectId)
      const directory = await modelDirectory(session, modelId)
      const saved = savedEvaluation(JSON.parse(await readFile(path.join(directory, EVALUATION_FILE), 'utf8')))
      const subject = await exportSubject(session, modelId)
      return { ...saved, dataset: { name: subject.name, utcOffsetMinutes: subject.utcOffsetMinutes } }
    },
    'models.forecast': async ({ projectId, modelId, horizon, datasetId }) => {
      const session = open.get(projectId)
      const { loaded, series } = await modelWithData(session, modelId, datasetId)
      const ahead = await forecastAhead(loaded.model, series, { horizon })
      const targets = ahead.targets.map((forecast) => ({ target: forecast.name, bands: bandsOf(forecast) }))
      const timestamps = ahead.timestamps ? Array.from(ahead.timestamps) : null
      const forecastId = randomUUID()
      const subject = await exportSubject(session, modelId, datasetId)
      // The frequency and zone are kept with the forecast, so every later export writes its dates alike.
      const saved = {
        timestamps,
        targets,
        frequency: series.frequency ?? loaded.model.frequency,
        utcOffsetMinutes: subject.utcOffsetMinutes,
        datasetName: subject.name,
      }
      const { file } = await writeForecastCsv(session, subject.name, saved, {
        delimiter: ',',
        decimalSeparator: '.',
      })
      await writeJsonAtomic(await session.resolve(`forecasts/${forecastId}.json`), saved)
      await session.addForecast({ id: forecastId, modelId, file })
      return { forecastId, modelId, timestamps, targets, file }
    },
    'models.export': async ({ projectId, modelId, format, outDir, overwrite }) => {
      const session = open.get(projectId)
      const source = await modelDirectory(session, modelId)
      // Without a chosen folder: a new one in the project's exports/, e.g. AirPassengers-onnx-2026-12-06.
      let folder: string | null = null
      if (outDir === undefined) {
        const subject = await exportSubject(session, modelId)
        folder = await unusedName(
          await session.resolve(EXPORTS_DIR),
          exportStem(subject.name, format, new Date()),
        )
      }
      const target = outDir ?? (await session.resolve(`${EXPORTS_DIR}/${folder}`))
      const result = await exportModelFolder(source, format, target, { appVersion, overwrite })
      return { format, path: result.directory, files: result.files, folder }
    },
    'forecasts.exportCsv': async ({ projectId, forecastId, delimiter, decimalSeparator }) => {
      const session = open.get(projectId)
      const record = session.manifest.forecasts.find((forecast) => forecast.id === forecastId)
      if (!record) throw new CodedError('NOT_FOUND', `No forecast with id "${forecastId}" in this project`)
      const json = JSON.parse(await readFile(await session.resolve(`forecasts/${forecastId}.json`), 'utf8'))
      // Forecasts saved before the frequency, zone and dataset were kept take them from the model's dataset.
      const subject = await exportSubject(session, record.modelId)
      const table: ForecastTable = {
        timestamps: json.timestamps as number[] | null,
        targets: savedForecastTargets(json),
        frequency: json.frequency ?? subject.frequency,
        utcOffsetMinutes: json.utcOffsetMinutes ?? subject.utcOffsetMinutes,
      }
      const name = typeof json.datasetName === 'string' ? json.datasetName : subject.name
      const { file, csv } = await writeForecastCsv(session, name, table, { delimiter, decimalSeparator })
      return { path: await session.resolve(file), csv }
    },
  }
}
