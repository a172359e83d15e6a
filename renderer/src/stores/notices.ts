import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  level: 'info' | 'warning' | 'error'
  message: string
  /** The API's error code, which the notice list says in the interface's language when it knows it. */
  code?: string
  /** What the error is about, as data (a path, a file and line…), shown beside the translated words. */
  details?: Record<string, string>
}

/**
 * How long a notice stays (ms): news goes by itself once read, warnings a little later; an
 * error stays until the user dismisses it, so it is never missed.
 */
export const NOTICE_LIFETIME: Record<Notice['level'], number | null> = {
  info: 6_000,
  warning: 12_000,
  error: null,
}

/** Errors and notices shown as dismissible messages; the interface never blocks on them. */
export const useNotices = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let nextId = 1

  function report(
    level: Notice['level'],
    message: string,
    code?: string,
    details?: Record<string, string>,
  ): void {
    const id = nextId++
    notices.value.push({ id, level, message, ...(code ? { code } : {}), ...(details ? { details } : {}) })
    const lifetime = NOTICE_LIFETIME[level]
    if (lifetime !== null) setTimeout(() => dismiss(id), lifetime)
  }

  function reportError(error: unknown): void {
    const { code, details } = (error ?? {}) as { code?: unknown; details?: unknown }
    report(
      'error',
      error instanceof Error ? error.message : String(error),
      typeof code === 'string' ? code : undefined,
      typeof details === 'object' && details !== null ? (details as Record<string, string>) : undefined,
    )
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id)
  }

  /** Another project opened: what was said about the last one no longer applies. */
  function clear(): void {
    notices.value = []
  }

  return { notices, report, reportError, dismiss, clear }
})
