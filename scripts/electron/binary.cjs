// Where Electron's binary is, without triggering its lazy download (electron 42+ fetches
// the binary on first `require('electron')`; `npm start` runs the installer itself, visibly).
// CommonJS so that both the .mjs scripts and Playwright's TypeScript loader can use it.
const { existsSync, readFileSync } = require('node:fs')
const path = require('node:path')

/** node_modules/electron, or null where the package is not installed. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/**
 * The executable as Electron's own index.js finds it: dist/<path.txt>, or under
 * ELECTRON_OVERRIDE_DIST_PATH (a binary the user already has) when that is set.
 * Null when neither names a file yet (the installer has not run).
 */
function expectedElectronBinary(env = process.env) {
  const packageDir = electronPackageDir()
  if (!packageDir) return null
  const pathFile = path.join(packageDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
  return executable ? path.join(packageDir, 'dist', executable) : null
}

/** The binary's path where it exists, else null. */
function electronBinaryPath(env = process.env) {
  const binary = expectedElectronBinary(env)
  return binary && existsSync(binary) ? binary : null
}

/** Electron's own installer script (it honours ELECTRON_MIRROR, the cache, proxies, ELECTRON_OVERRIDE_DIST_PATH). */
function electronInstallerPath() {
  const packageDir = electronPackageDir()
  return packageDir ? path.join(packageDir, 'install.js') : null
}

module.exports = { electronBinaryPath, expectedElectronBinary, electronInstallerPath }
