/**
 * SVG polylines of a sparkline: one per run of observed points (a missing value breaks the
 * line rather than drawing through it), scaled to the box with y growing downwards.
 */
export function sparklinePaths(
  values: ReadonlyArray<number | null>,
  width: number,
  height: number,
): string[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (finite.length === 0) return []
  const min = Math.min(...finite)
  const span = Math.max(...finite) - min || 1
  const step = values.length > 1 ? width / (values.length - 1) : 0
  const paths: string[] = []
  let current: string[] = []
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length > 0) paths.push(current.join(' '))
      current = []
      return
    }
    const y = height - ((v - min) / span) * height
    current.push(`${(i * step).toFixed(1)},${y.toFixed(1)}`)
  })
  if (current.length > 0) paths.push(current.join(' '))
  return paths
}
