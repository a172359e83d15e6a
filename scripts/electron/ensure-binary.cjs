// The launch decision of `npm start` and of the Playwright `electron` project: the binary is
// there → use it; missing → run Electron's installer once → use what it installed, or say
// why there is no binary (the installer's own error), so the caller can fall back.
const { electronBinaryPath, electronInstallerPath, expectedElectronBinary } = require('./binary.cjs')
const { runElectronInstaller } = require('./installer.cjs')

/**
 * @param {{
 *   findBinary?: () => string | null,
 *   install?: () => Promise<import('./installer.cjs').InstallResult>,
 *   log?: (line: string) => void,
 * }} [steps] the real ones by default; tests pass their own
 * @returns {Promise<{ binary: string } | { binary: null, reason: string, interrupted: boolean }>}
 */
async function ensureElectronBinary({
  findBinary = electronBinaryPath,
  install = installWithElectronsInstaller,
  log = console.log,
} = {}) {
  const present = findBinary()
  if (present) return { binary: present }
  log(
    "Electron's binary is not installed yet: running Electron's installer (node_modules/electron/install.js)…",
  )
  const result = await install()
  if (!result.ok) {
    return {
      binary: null,
      reason: `Electron's installer failed: ${result.error}`,
      interrupted: result.interrupted,
    }
  }
  const installed = findBinary()
  if (installed) return { binary: installed }
  const expected = expectedElectronBinary() ?? 'node_modules/electron/dist'
  return {
    binary: null,
    reason: `Electron's installer finished, but there is no binary at ${expected}`,
    interrupted: false,
  }
}

function installWithElectronsInstaller() {
  const installer = electronInstallerPath()
  if (!installer) {
    return Promise.resolve({
      ok: false,
      error: 'the electron package is not installed (run npm install)',
      interrupted: false,
    })
  }
  return runElectronInstaller({ installer })
}

module.exports = { ensureElectronBinary }
