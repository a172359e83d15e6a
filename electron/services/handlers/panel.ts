import { randomUUID } from 'node:crypto'
import type { Handlers } from '../../api/dispatch'
import type { PanelInspection, PanelResults, PanelSeriesDetail } from '../../api/requests/panel'
import { detectLongPanel } from '../data/panel/detect-panel'
import { importPanelIntoProject } from '../data/panel/import-panel-into-project'
import { readPanelCsv } from '../data/panel/read-panel'
import type { PanelDataset } from '../data/panel/panel-types'
import { missingCount, panelShape } from '../data/panel/panel-shape'
import { loadProjectPanel, type ProjectPanel } from '../data/panel/project-panel'
import { findDataset } from '../forecasting/dataset-series'
import { panelForecastCsv, type PanelForecastRows } from '../forecasting/panel-forecast-csv'
import { panelForecastWideCsv } from '../forecasting/panel-forecast-wide-csv'
import { readPanelResults, type PanelResultsFile } from '../models/panel/panel-results-file'
import type { ImportRegistry } from '../datasets/import-registry'
import type { EventBus } from '../event-bus'
import type { OpenProjects } from '../open-projects'
import type { ProjectSession } from '../projects'
import type { PanelRuns } from '../runs/panel-runs'
import { CodedError, writeFileAtomic } from '../storage'
import { addSteps } from '../../../worker/timeseries/calendar'
import { readableFile } from './user-path'

type FileHandlers = Pick<Handlers, 'panel.inspect' | 'panel.detect'>
type PanelHandlers = Pick<
  Handlers,
  | 'panel.inspect'
  | 'panel.detect'
  | 'panel.import'
  | 'panel.train'
  | 'panel.results'
  | 'panel.series'
  | 'panel.exportForecast'
>

/** A panel dataset as the API describes it: counts and one summary line per series. */
export function toInspection(dataset: PanelDataset, limit: number): PanelInspection {
  const shape = panelShape(dataset)
  return {
    fileName: dataset.fileName,
    form: dataset.form,
    keyNames: dataset.keyNames,
    valueNames: dataset.valueNames,
    frequency: dataset.frequency,
    rowCount: dataset.rowCount,
    seriesCount: dataset.series.length,
    lengths: shape.lengths,
    missing: dataset.missing,
    warnings: dataset.warnings,
    staticAttributes: dataset.staticAttributes,
    varyingColumns: dataset.varyingColumns,
    covariates: dataset.covariates,
    series: dataset.series.slice(0, limit).map((s) => {
      const stamps = s.timestamps
      return {
        key: s.key,
        length: s.values.length,
        missing: missingCount(s.values),
        start: stamps && stamps.length > 0 ? stamps[0] : null,
        end: stamps && stamps.length > 0 ? stamps[stamps.length - 1] : null,
      }
    }),
  }
}

/** Requests that read a file the user names, without a project. */
export function panelFileHandlers(): FileHandlers {
  return {
    'panel.inspect': async ({ path, form, ids, target, time, limit }) =>
      toInspection(await readPanelCsv(path, { form, ids, target, time }), limit ?? 10_000),
    'panel.detect': async ({ path }) => {
      const found = await detectLongPanel(await readableFile(path))
      return found
        ? { form: 'long', keys: found.keys, attributes: found.attributes }
        : { form: null, keys: [], attributes: [] }
    },
  }
}

async function modelDir(session: ProjectSession, modelId: string): Promise<string> {
  const model = session.manifest.models.find((m) => m.id === modelId)
  if (!model || model.spec.kind !== 'panel')
    throw new CodedError('NOT_FOUND', `This project has no panel model ${modelId}`)
  return session.resolve(`models/${modelId}`)
}

function seriesOf(results: PanelResultsFile, index: number) {
  const series = results.series[index]
  if (!series)
    throw Object.assign(
      new CodedError(
        'INVALID_ARGUMENTS',
        `Model ${results.modelId} has ${results.series.length} series; there is no series ${index}`,
      ),
      { field: 'index' },
    )
  return series
}

function forecastRows(results: PanelResultsFile): PanelForecastRows {
  return {
    keyNames: results.keyNames,
    frequency: results.frequency,
    series: results.series.map((s) => ({
      key: s.key,
      lastTimestamp: s.lastTimestamp,
      forecast: s.forecast,
      intervals: s.intervals.map((band) => ({
        level: band.level,
        // An unbounded band is written as an empty cell.
        lower: Float64Array.from(band.lower, (v) => v ?? NaN),
        upper: Float64Array.from(band.upper, (v) => v ?? NaN),
      })),
    })),
  }
}

export function panelHandlers(
  open: OpenProjects,
  runs: PanelRuns,
  bus: EventBus,
  imports: ImportRegistry,
): PanelHandlers {
  // The Panel screen opens series after series of one panel: keep the last panel read, so a click
  // does not parse a cache of millions of rows again. A new import gets a new cache file, hence a new key.
  let lastPanel: { key: string; panel: Promise<ProjectPanel> } | null = null
  const panelOf = (session: ProjectSession, datasetId: string): Promise<ProjectPanel> => {
    const record = findDataset(session, datasetId)
    const key = `${session.path}\u0000${record.id}\u0000${record.cacheFile ?? ''}`
    if (lastPanel?.key !== key) {
      const panel = loadProjectPanel(session, record)
      lastPanel = { key, panel }
      // A failed read is not remembered: the next click tries again.
      panel.catch(() => {
        if (lastPanel?.panel === panel) lastPanel = null
      })
    }
    return lastPanel.panel
  }
  return {
    ...panelFileHandlers(),
    'panel.import': async ({ projectId, path, form, ids, target, time, name, importId = randomUUID() }) => {
      const session = open.get(projectId)
      const file = await readableFile(path)
      const signal = imports.begin(importId)
      try {
        const onProgress = (fraction: number, rows: number) =>
          bus.publish('data.importProgress', { importId, fraction, rows })
        return await importPanelIntoProject(session, file, { form, ids, target, time }, name, {
          onProgress,
          signal,
        })
      } finally {
        imports.end(importId)
      }
    },
    'panel.train': (args) => runs.start(args),
    'panel.results': async ({ projectId, modelId }): Promise<PanelResults> => {
      const session = open.get(projectId)
      const {
        frequency: _frequency,
        version: _version,
        series,
        ...results
      } = await readPanelResults(await modelDir(session, modelId), modelId)
      return {
        ...results,
        series: series.map(
          ({ lastTimestamp: _last, forecast: _f, intervals: _i, testForecast: _t, ...row }) => row,
        ),
      }
    },
    'panel.series': async ({ projectId, modelId, index }): Promise<PanelSeriesDetail> => {
      const session = open.get(projectId)
      const results = await readPanelResults(await modelDir(session, modelId), modelId)
      const result = seriesOf(results, index)
      const panel = await panelOf(session, results.datasetId)
      const series = panel.series[index]
      if (!series || series.key.join('\u001f') !== result.key.join('\u001f'))
        throw new CodedError(
          'MODEL_CORRUPT',
          `Dataset "${panel.record.name}" no longer matches model ${modelId}`,
        )
      const stamps = series.timestamps ? Array.from(series.timestamps) : null
      const { lastTimestamp, forecast } = result
      return {
        index,
        key: result.key,
        timestamps: stamps,
        history: Array.from(series.values, (v) => (Number.isFinite(v) ? v : null)),
        forecastTimestamps:
          lastTimestamp !== null && results.frequency
            ? forecast.map((_, k) => addSteps(lastTimestamp, results.frequency!, k + 1))
            : null,
        forecast,
        intervals: result.intervals,
        testForecast: result.testForecast,
      }
    },
    'panel.exportForecast': async ({ projectId, modelId, shape }) => {
      const session = open.get(projectId)
      await session.assertWritable()
      const dir = await modelDir(session, modelId)
      const rows = forecastRows(await readPanelResults(dir, modelId))
      const csv = shape === 'long' ? panelForecastCsv(rows) : panelForecastWideCsv(rows)
      const path = await session.resolve(`models/${modelId}/forecast-${shape}.csv`)
      await writeFileAtomic(path, csv)
      return { path, csv }
    },
  }
}
