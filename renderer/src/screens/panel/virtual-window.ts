/**
 * Which rows of a long list a viewport shows: only those (plus a few either side, so a quick
 * scroll never shows a blank edge) are rendered; spacers above and below keep the scrollbar true.
 */
export interface RowWindow {
  start: number
  end: number
  /** Height of the spacer above the rendered rows, and of the one below. */
  before: number
  after: number
}

export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 6,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const start = Math.max(0, Math.min(total, first - overscan))
  const end = Math.min(total, first + Math.ceil(Math.max(0, viewportHeight) / rowHeight) + overscan)
  return {
    start,
    end: Math.max(start, end),
    before: start * rowHeight,
    after: (total - Math.max(start, end)) * rowHeight,
  }
}
