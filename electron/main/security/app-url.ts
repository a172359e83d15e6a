import { pathToFileURL } from 'node:url'

/**
 * Decides which URLs are "the app": the built index.html (file://) in production, or the
 * electron-vite dev server in development. Everything else is foreign.
 */
export function createAppUrlCheck(rendererIndexFile: string, devServerUrl: string | undefined) {
  const indexUrl = pathToFileURL(rendererIndexFile).href
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null
  return (candidate: string): boolean => {
    let url: URL
    try {
      url = new URL(candidate)
    } catch {
      return false
    }
    if (url.protocol === 'file:') {
      url.hash = ''
      url.search = ''
      return url.href === indexUrl
    }
    return devOrigin !== null && url.origin === devOrigin
  }
}
