import { ref } from 'vue'

export const screens = ['projects', 'data', 'model', 'train', 'forecast', 'panel', 'inside'] as const
export type Screen = (typeof screens)[number]

/** The hash (#/data) names the screen, so reloads and the back button keep the user where they were. */
function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '')
  return (screens as readonly string[]).includes(name) ? (name as Screen) : 'data'
}

export const currentScreen = ref<Screen>(screenFromHash(window.location.hash))

window.addEventListener('hashchange', () => {
  currentScreen.value = screenFromHash(window.location.hash)
})

export function goTo(screen: Screen): void {
  window.location.hash = `#/${screen}`
  currentScreen.value = screen
}
