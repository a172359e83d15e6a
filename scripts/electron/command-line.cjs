// The arguments Electron's binary gets to open this app. Chromium refuses to start its
// sandbox as root (CI containers run as root), so there, and only there, the process-wide
// `--no-sandbox` switch is added and said so. The windows keep `sandbox: true` in their
// webPreferences either way (no Node, preload-only bridge); only the OS-level sandbox is off.

const NO_SANDBOX_NOTE =
  "running as root: Electron is started with --no-sandbox (Chromium refuses its OS sandbox to root); the app's renderer keeps sandbox: true"

/**
 * @param {string} appRoot the folder holding package.json (its `main` is the built main process)
 * @param {number | undefined} uid the user id, where the platform has one
 */
function electronCommandLine(appRoot, uid = process.getuid?.()) {
  const asRoot = uid === 0
  return { args: asRoot ? ['--no-sandbox', appRoot] : [appRoot], note: asRoot ? NO_SANDBOX_NOTE : null }
}

module.exports = { electronCommandLine }
