import type { Notice } from '../stores/notices'

type Translate = (key: string, named?: Record<string, unknown>) => string
type Has = (key: string) => boolean

/**
 * A notice in the interface's language. A known error code is said with the interface's own words
 * (never the system's ENOENT or EISDIR text), its details (path, file, line, column…) after them
 * as data; an unknown code falls back to the services' message, which is written for users.
 */
export function noticeText(notice: Notice, t: Translate, te: Has): { text: string; details: string[] } {
  const key = `errors.code.${notice.code}`
  if (!notice.code || !te(key)) return { text: notice.message, details: [] }
  const details = Object.entries(notice.details ?? {}).map(([name, value]) =>
    te(`errors.detail.${name}`) ? t(`errors.detail.${name}`, { value }) : value,
  )
  return { text: t(key), details }
}
