import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  level: 'info' | 'warning' | 'error'
  message: string
}

/** Errors and notices shown as dismissible messages; the interface never blocks on them. */
export const useNotices = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let nextId = 1

  function report(level: Notice['level'], message: string): void {
    notices.value.push({ id: nextId++, level, message })
  }

  function reportError(error: unknown): void {
    report('error', error instanceof Error ? error.message : String(error))
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id)
  }

  return { notices, report, reportError, dismiss }
})
