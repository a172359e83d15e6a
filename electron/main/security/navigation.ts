import type { WebContents } from 'electron'
import { isAllowedExternalUrl } from './external-links'

/**
 * The window shows our renderer and nothing else: navigation away is cancelled, new
 * windows are refused, and allow-listed https links go to the user's browser instead.
 */
export function restrictNavigation(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}
