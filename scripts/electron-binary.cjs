// Where Electron's binary is, without triggering its lazy download (electron 42+ fetches
// the binary on first `require('electron')`, which fails on machines without that host).
// CommonJS so that both the .mjs scripts and Playwright's TypeScript loader can use it.
const { existsSync, readFileSync } = require('node:fs')
const path = require('node:path')

function electronBinaryPath() {
  let packageDir
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

module.exports = { electronBinaryPath }
