import type { Handlers } from '../../api/dispatch'
import type { PanelInspection } from '../../api/requests/panel'
import { readPanelCsv } from '../data/panel/read-panel'
import type { PanelDataset } from '../data/panel/panel-types'
import { median } from '../../../worker/panel/panel-auto'

type PanelHandlers = Pick<Handlers, 'panel.inspect'>

/** A panel dataset as the API describes it: counts and one summary line per series. */
export function toInspection(dataset: PanelDataset, limit: number): PanelInspection {
  const lengths = dataset.series.map((s) => s.values.length)
  return {
    fileName: dataset.fileName,
    form: dataset.form,
    keyNames: dataset.keyNames,
    valueNames: dataset.valueNames,
    frequency: dataset.frequency,
    rowCount: dataset.rowCount,
    seriesCount: dataset.series.length,
    lengths: {
      min: lengths.length > 0 ? Math.min(...lengths) : 0,
      median: lengths.length > 0 ? median(lengths) : 0,
      max: lengths.length > 0 ? Math.max(...lengths) : 0,
    },
    missing: dataset.missing,
    warnings: dataset.warnings,
    series: dataset.series.slice(0, limit).map((s) => {
      let missing = 0
      for (let i = 0; i < s.values.length; i++) if (!Number.isFinite(s.values[i])) missing++
      const stamps = s.timestamps
      return {
        key: s.key,
        length: s.values.length,
        missing,
        start: stamps && stamps.length > 0 ? stamps[0] : null,
        end: stamps && stamps.length > 0 ? stamps[stamps.length - 1] : null,
      }
    }),
  }
}

export function panelHandlers(): PanelHandlers {
  return {
    'panel.inspect': async ({ path, form, ids, target, time, limit }) =>
      toInspection(await readPanelCsv(path, { form, ids, target, time }), limit ?? 10_000),
  }
}
