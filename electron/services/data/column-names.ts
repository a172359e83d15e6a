/** Column names as shown to the analyst: trimmed, never empty, never repeated. */
export function uniqueColumnNames(raw: string[]): string[] {
  const seen = new Map<string, number>()
  return raw.map((name, i) => {
    const base = name.trim() === '' ? `column ${i + 1}` : name.trim()
    const times = (seen.get(base) ?? 0) + 1
    seen.set(base, times)
    return times === 1 ? base : `${base} (${times})`
  })
}

export function positionalNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column ${i + 1}`)
}
