import type { WebFrameMain } from 'electron'

/** IPC is answered only for the main frame of our own page, never for an iframe or a foreign page. */
export function isTrustedSender(frame: WebFrameMain | null, isAppUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url)
}
