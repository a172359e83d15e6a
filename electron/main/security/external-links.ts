/** Hosts the app may open in the user's browser (documentation and data sources we link to). */
export const externalLinkAllowList = new Set([
  'github.com',
  'www.r-project.org',
  'otexts.com',
  'onnx.ai',
  'www.tensorflow.org',
])

/** Only https, only allow-listed hosts, no credentials in the URL. */
export function isAllowedExternalUrl(candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    externalLinkAllowList.has(url.hostname)
  )
}
