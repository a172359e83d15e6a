import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createDispatcher } from '../api/dispatch'
import { appIdentity } from '../identity'
import { findResourcesDir } from '../runtime-paths'
import { createServices } from '../services'
import type { Services } from '../services'
import { bundledWorkerFiles } from '../worker-files'
import { registerIpcAdapter } from './ipc-adapter'
import { quitAfterDispose } from './lifecycle/quit-after-dispose'
import { claimSingleInstance } from './lifecycle/single-instance'
import { startOrExplain, startupStep } from './lifecycle/startup'
import { createAppUrlCheck } from './security/app-url'
import { enforceContentSecurityPolicy } from './security/content-security-header'
import { denyAllPermissions } from './security/permissions'
import { nativeDialogs } from './native-dialogs'
import { createMainWindow } from './window'

// Every renderer runs in Chromium's sandbox, whatever a window's options say.
app.enableSandbox()

const rendererIndexFile = path.join(__dirname, '../renderer/index.html')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const isAppUrl = createAppUrlCheck(rendererIndexFile, devServerUrl)
// LSTM_STUDIO_DATA_DIR keeps everything in one folder (end-to-end tests, portable use):
// settings, projects and Chromium's profile, where the single-instance lock lives too.
const dataDir = process.env.LSTM_STUDIO_DATA_DIR
if (dataDir) app.setPath('userData', path.join(dataDir, 'electron'))

let services: Services | null = null
let openWindow: (() => void) | null = null

const isFirstInstance = claimSingleInstance(app, {
  current: () => BrowserWindow.getAllWindows()[0],
  open: () => openWindow?.(),
})
if (isFirstInstance) {
  void startOrExplain(start, {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    cleanUp: async () => await services?.dispose(),
    exit: (code) => app.exit(code),
    log: (line) => console.error(line),
  })
}

async function start(): Promise<void> {
  await startupStep('Starting Electron', () => app.whenReady())
  await startupStep('Applying the security rules', () => {
    denyAllPermissions(session.defaultSession)
    enforceContentSecurityPolicy(session.defaultSession)
  })
  const resourcesDir = await startupStep('Finding the bundled resources', () => findResourcesDir(__dirname))
  if (!devServerUrl) {
    await startupStep('Finding the built interface', () => {
      if (!existsSync(rendererIndexFile))
        throw new Error(`${rendererIndexFile} is missing: run npm run build`)
    })
  }
  const started = await startupStep('Starting the services', () =>
    createServices({
      identity: appIdentity(process.versions.electron ?? null),
      samplesDir: path.join(resourcesDir, 'samples'),
      settingsDir: dataDir ? path.join(dataDir, 'settings') : app.getPath('userData'),
      workers: bundledWorkerFiles,
      dialogs: nativeDialogs,
      defaultProjectsFolder: dataDir ? path.join(dataDir, 'projects') : undefined,
    }),
  )
  services = started
  // Quitting waits until training is interrupted and its checkpoints are on disk.
  quitAfterDispose(app, () => started.dispose())
  await startupStep('Connecting the window to the services', () =>
    registerIpcAdapter(
      { ipcMain, windows: () => BrowserWindow.getAllWindows() },
      createDispatcher(started.handlers),
      started.bus,
      isAppUrl,
    ),
  )
  openWindow = () =>
    void createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      rendererIndexFile,
      devServerUrl,
      isAppUrl,
      iconPath: path.join(resourcesDir, 'icon.png'),
    })
  await startupStep('Opening the window', openWindow)
  // Training jobs live in this process: closing the last window on macOS keeps them running.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow?.()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
