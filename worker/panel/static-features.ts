import { fitStandardisation } from './standardisation'
import type { AttributeValue, PanelSeries } from './types'

/**
 * Static attributes as network inputs: columns that are constant within each series (a product's
 * category, a store's size). A categorical attribute becomes a one-hot block over the categories
 * seen in training (the most frequent MAX_CATEGORIES, the rest sharing an 'other' slot); a numeric
 * one is standardised with the training panel's mean and standard deviation. The encodings are
 * saved with the model so a new series is encoded exactly as the training ones were.
 */

/** Beyond this many categories the rarer ones share one 'other' input (a wide one-hot block would mostly stay at 0). */
export const MAX_CATEGORIES = 50

export type StaticEncoding =
  | {
      name: string
      kind: 'categorical'
      /** The one-hot positions, most frequent category first. */
      categories: string[]
      /** The rarer categories, which share one last 'other' input (none: no such input). */
      other: string[]
    }
  | { name: string; kind: 'numeric'; mean: number; sd: number }

/** The panel (or a forecast file) lacks an attribute the model reads. */
export class MissingAttributeError extends Error {
  readonly code = 'PANEL_ATTRIBUTE_MISSING'
  /** Shown after the message as data, as the services' coded errors show theirs. */
  readonly details: Record<string, string>
  constructor(readonly column: string) {
    super(
      `the model reads the static attribute "${column}", but the panel has no such column constant within each series`,
    )
    this.name = 'MissingAttributeError'
    this.details = { column }
  }
}

function attributeOf(series: PanelSeries, name: string): AttributeValue {
  const attributes = series.attributes
  if (!attributes || !(name in attributes)) throw new MissingAttributeError(name)
  return attributes[name]
}

function fitCategorical(series: readonly PanelSeries[], name: string): StaticEncoding {
  const counts = new Map<string, number>()
  for (const s of series) {
    const value = attributeOf(s, name)
    if (value === null) continue
    const category = String(value)
    counts.set(category, (counts.get(category) ?? 0) + 1)
  }
  // Most frequent first, ties by name, so the same panel always gives the same positions.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return {
    name,
    kind: 'categorical',
    categories: ranked.slice(0, MAX_CATEGORIES).map(([category]) => category),
    other: ranked.slice(MAX_CATEGORIES).map(([category]) => category),
  }
}

function* numbersOf(series: readonly PanelSeries[], name: string): Generator<number> {
  for (const s of series) {
    const value = attributeOf(s, name)
    if (typeof value === 'number') yield value
  }
}

function fitNumeric(series: readonly PanelSeries[], name: string): StaticEncoding {
  return { name, kind: 'numeric', ...fitStandardisation(numbersOf(series, name)) }
}

/** Fits one encoding per chosen attribute on the training series; a text attribute is categorical. */
export function fitStaticEncodings(
  series: readonly PanelSeries[],
  names: readonly string[],
): StaticEncoding[] {
  return names.map((name) => {
    const numeric = series.every((s) => {
      const value = attributeOf(s, name)
      return value === null || typeof value === 'number'
    })
    return numeric ? fitNumeric(series, name) : fitCategorical(series, name)
  })
}

function widthOf(encoding: StaticEncoding): number {
  return encoding.kind === 'numeric' ? 1 : encoding.categories.length + (encoding.other.length > 0 ? 1 : 0)
}

/** Inputs the static attributes add to every step. */
export function staticWidth(encodings: readonly StaticEncoding[]): number {
  return encodings.reduce((sum, e) => sum + widthOf(e), 0)
}

/**
 * The encoder of one model's static inputs, with each attribute's category positions looked up
 * once. An empty cell, or a category the training panel never had, reads as all zeros (no
 * category is claimed); an empty numeric cell as 0, the training mean.
 */
export function staticEncoder(encodings: readonly StaticEncoding[]): (series: PanelSeries) => Float32Array {
  const width = staticWidth(encodings)
  const positions = encodings.map((encoding) => {
    if (encoding.kind === 'numeric') return null
    const slots = new Map<string, number>(encoding.categories.map((c, i) => [c, i]))
    for (const rare of encoding.other) slots.set(rare, encoding.categories.length)
    return slots
  })
  return (series) => {
    const out = new Float32Array(width)
    let at = 0
    encodings.forEach((encoding, e) => {
      const value = attributeOf(series, encoding.name)
      if (encoding.kind === 'numeric') {
        const number = typeof value === 'number' ? value : Number(value)
        out[at] = value !== null && Number.isFinite(number) ? (number - encoding.mean) / encoding.sd : 0
      } else if (value !== null) {
        const slot = positions[e]?.get(String(value))
        if (slot !== undefined) out[at + slot] = 1
      }
      at += widthOf(encoding)
    })
    return out
  }
}
