import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { rowWindow } from './virtual-window'

/**
 * A scrolling box that renders only the rows in view (virtual-window.ts): enough for 10,000
 * series without a dependency. The box's height is measured, and measured again when it changes.
 */
export function useVirtualRows(total: Ref<number>, rowHeight: number) {
  const viewport = ref<HTMLElement | null>(null)
  const scrollTop = ref(0)
  const height = ref(400)
  let observer: ResizeObserver | null = null

  function onScroll(): void {
    scrollTop.value = viewport.value?.scrollTop ?? 0
  }

  onMounted(() => {
    if (!viewport.value) return
    height.value = viewport.value.clientHeight || height.value
    observer = new ResizeObserver(() => {
      height.value = viewport.value?.clientHeight || height.value
    })
    observer.observe(viewport.value)
  })
  onBeforeUnmount(() => observer?.disconnect())

  /** Back to the top, e.g. after a new search (the old scroll offset may be past the end). */
  function toTop(): void {
    if (viewport.value) viewport.value.scrollTop = 0
    scrollTop.value = 0
  }

  const window = computed(() => rowWindow(scrollTop.value, height.value, rowHeight, total.value))
  return { viewport, window, onScroll, toTop }
}
