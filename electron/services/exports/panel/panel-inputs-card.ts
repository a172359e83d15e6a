import type { PanelExportPreprocessing } from '../../../../worker/export/index'
import { seasonPosition } from '../../../../worker/panel/calendar-features'
import type { PanelInputEncoding } from '../../../../worker/panel/panel-features'
import type { Frequency } from '../../../../worker/timeseries/frequency'

/**
 * The model card's account of the inputs file that forecast.mjs / forecast.py read with `--inputs`
 * (panel-snippet-inputs.ts), with an example built from this model's own encoding: its attribute
 * names and a category it knows, its season, its covariates, sized for the shortest series the
 * network forecasts so the example runs as it is.
 */

const quoted = (value: unknown) => JSON.stringify(value)
const inline = (entries: [string, unknown][]) =>
  `{ ${entries.map(([key, value]) => `${quoted(key)}: ${quoted(value)}`).join(', ')} }`

/** An inputs file for a series of `n` values, whose first value opens a season. */
export function inputsFileExample(inputs: PanelInputEncoding, n: number, horizon: number): string {
  const lines: string[] = []
  if (inputs.static.length > 0) {
    const attributes = inputs.static.map((e): [string, unknown] => [
      e.name,
      e.kind === 'numeric' ? Number(e.mean.toPrecision(3)) : (e.categories[0] ?? e.other[0] ?? null),
    ])
    lines.push(`  "attributes": ${inline(attributes)}`)
  }
  if (inputs.calendar) lines.push('  "seasonPosition": 0')
  const future = inputs.future ?? []
  if (future.length > 0) {
    // The covariate's training mean, rounded, at every step: a plan of typical values.
    const columns = future.map((f) => {
      const values = new Array<number>(n + horizon).fill(Number(f.mean.toPrecision(2)))
      return `    ${quoted(f.name)}: [${values.join(', ')}]`
    })
    lines.push(`  "covariates": {\n${columns.join(',\n')}\n  }`)
  }
  return `{\n${lines.join(',\n')}\n}`
}

/** How LSTM Studio placed a series' first value in the season, so a user gives the same position. */
function positionRule(frequency: Frequency | null, season: number): string {
  if (!frequency)
    return "this panel had no dates: LSTM Studio counted positions from each series' first value in the file"
  const byMonths = frequency.unit === 'month' || frequency.unit === 'quarter' || frequency.unit === 'year'
  const rule = byMonths
    ? 'the months since year 0 over the months per step, modulo the season'
    : frequency.unit === 'week'
      ? 'the week of the year (days since 1 January over 7·step), modulo the season'
      : frequency.unit === 'businessDay'
        ? 'the weekday (Monday 0) over the step, modulo the season'
        : 'the steps since 1970-01-01 00:00 UTC, modulo the season'
  // The example date is computed by the app's own rule, so the card cannot disagree with it.
  const [label, date] = byMonths
    ? ['2025-04-01', Date.UTC(2025, 3, 1)]
    : ['Monday 2025-01-06 00:00 UTC', Date.UTC(2025, 0, 6)]
  return `LSTM Studio read it from the first date: ${rule} (a series starting on ${label} sits at ${seasonPosition(date, frequency, season)})`
}

function covariatesText(inputs: PanelInputEncoding, horizon: number): string[] {
  if (!inputs.future?.length) return []
  return [
    `- \`covariates\`: ${inputs.future.map((f) => `\`${f.name}\``).join(', ')}, each a list of one value per ` +
      `history point (null where unknown), then its planned values for the ${horizon} steps ahead (numbers).`,
  ]
}

/** The card's paragraphs on the inputs file, for the formats that ship scripts. */
export function inputsFileSection(p: PanelExportPreprocessing, withPython: boolean): string[] {
  const inputs = p.inputs
  if (!inputs) return []
  const attributes = inputs.static.map((e) =>
    e.kind === 'numeric'
      ? `\`${e.name}\` a number`
      : `\`${e.name}\` one of its categories (${e.categories.map((c) => `\`${c}\``).join(', ')}` +
        `${e.other.length > 0 ? ', or a rarer one of those preprocessing.json lists under `other`, which share one input' : ''}; any other reads as none)`,
  )
  const commands = [
    '`node forecast.mjs series.txt --inputs series-inputs.json`',
    ...(withPython ? ['`python forecast.py series.txt --inputs series-inputs.json`'] : []),
  ]
  const season = inputs.calendar?.season
  return [
    `The scripts below read these inputs from a JSON file (${commands.join(', ')}) holding:`,
    '',
    ...(attributes.length > 0
      ? [`- \`attributes\`: the series' value of each, by name — ${attributes.join('; ')}; null where empty.`]
      : []),
    ...(season
      ? [
          `- \`seasonPosition\`: where the series' first value sits in the season of ${season} steps, 0 … ${season - 1}; ` +
            `${positionRule(p.frequency, season)}.`,
        ]
      : []),
    ...covariatesText(inputs, p.horizon),
    '',
    `For a series of ${p.minObserved} values (the fewest the network forecasts)${season ? ' whose first value opens a season' : ''}:`,
    '',
    '```json',
    ...inputsFileExample(inputs, p.minObserved, p.horizon).split('\n'),
    '```',
    '',
    'A file that lacks any of these is refused with a message naming what is missing.',
  ]
}
