import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Tiny readers for resources/samples (simple CSV: no quoted commas except in baselines' model column). */

const SAMPLES = join(__dirname, '../../../resources/samples')

export function readSeries(name: string): { dates: string[]; values: number[] } {
  const lines = readFileSync(join(SAMPLES, `${name}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
  return {
    dates: lines.map((l) => l.split(',')[0]),
    values: lines.map((l) => Number(l.split(',')[1])),
  }
}

/** Splits one CSV line honouring double quotes (the model column holds "ETS(M,Ad,M)"). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = []
  let current = ''
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) {
      cells.push(current)
      current = ''
    } else current += ch
  }
  cells.push(current)
  return cells
}

export interface BaselineRow {
  series: string
  frequency: number
  n: number
  nTrain: number
  h: number
  method: string
  model: string
  mae: number
  rmse: number
  smape: number
  mase: number
  cov80: number
  cov95: number
  maseScale: number
}

export function readBaselines(): BaselineRow[] {
  const [header, ...rows] = readFileSync(join(SAMPLES, 'baselines.csv'), 'utf8').trim().split(/\r?\n/)
  const names = splitCsvLine(header)
  return rows.map((line) => {
    const cells = splitCsvLine(line)
    const get = (name: string): string => cells[names.indexOf(name)]
    return {
      series: get('series'),
      frequency: Number(get('frequency')),
      n: Number(get('n')),
      nTrain: Number(get('n_train')),
      h: Number(get('h')),
      method: get('method'),
      model: get('model'),
      mae: Number(get('MAE')),
      rmse: Number(get('RMSE')),
      smape: Number(get('sMAPE')),
      mase: Number(get('MASE')),
      cov80: Number(get('cov80')),
      cov95: Number(get('cov95')),
      maseScale: Number(get('mase_scale')),
    }
  })
}
