import type { DatasetRecord, PanelDatasetInfo } from '../../../api/records'
import { readColumnarCache, type ProjectSession } from '../../projects'
import { CodedError } from '../../storage'
import { seasonalPeriod } from '../../../../worker/timeseries/calendar'
import type { PanelInput, PanelSeries } from '../../../../worker/panel/types'
import { panelFromColumnar } from './panel-columnar'

/** A panel dataset of a project, read back from its columnar cache. */
export interface ProjectPanel {
  record: DatasetRecord
  info: PanelDatasetInfo
  series: PanelSeries[]
}

export function panelInfoOf(record: DatasetRecord): PanelDatasetInfo {
  if (!record.panel)
    throw new CodedError(
      'NOT_A_PANEL',
      `Dataset "${record.name}" holds one series, not a panel: import the file as a panel to train a global model`,
    )
  return record.panel
}

export async function loadProjectPanel(
  session: ProjectSession,
  record: DatasetRecord,
): Promise<ProjectPanel> {
  const info = panelInfoOf(record)
  if (!record.cacheFile)
    throw new CodedError('CACHE_MISSING', `Dataset "${record.name}" has no parsed cache; import it again`)
  const file = await session.resolve(record.cacheFile)
  const series = panelFromColumnar(
    await readColumnarCache(file),
    info.keyNames.length,
    file,
    info.staticAttributes,
    info.covariates.map((c) => c.name),
  )
  return { record, info, series }
}

/** The pipeline's input: the calendar's season gives the competitions' period m. */
export function panelInputOf(panel: ProjectPanel, period?: number): PanelInput {
  const season = panel.info.frequency ? seasonalPeriod(panel.info.frequency) : 1
  return {
    keyNames: panel.info.keyNames,
    series: panel.series,
    period: period ?? season,
    season,
    frequency: panel.info.frequency,
  }
}
