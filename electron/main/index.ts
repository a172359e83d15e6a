import { app, BrowserWindow, session } from 'electron'
import path from 'node:path'
import { createDispatcher } from '../api/dispatch'
import { appIdentity } from '../identity'
import { findResourcesDir } from '../runtime-paths'
import { createServices } from '../services'
import { bundledWorkerFiles } from '../worker-files'
import { registerIpcAdapter } from './ipc-adapter'
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

async function start(): Promise<void> {
  await app.whenReady()
  denyAllPermissions(session.defaultSession)
  enforceContentSecurityPolicy(session.defaultSession)
  const resourcesDir = findResourcesDir(__dirname)
  const dataDir = process.env.LSTM_STUDIO_DATA_DIR
  const services = createServices({
    identity: appIdentity(process.versions.electron ?? null),
    samplesDir: path.join(resourcesDir, 'samples'),
    // LSTM_STUDIO_DATA_DIR keeps settings and projects in one folder (end-to-end tests, portable use).
    settingsDir: dataDir ? path.join(dataDir, 'settings') : app.getPath('userData'),
    workers: bundledWorkerFiles,
    dialogs: nativeDialogs,
    defaultProjectsFolder: dataDir ? path.join(dataDir, 'projects') : undefined,
  })
  registerIpcAdapter(createDispatcher(services.handlers), services.bus, isAppUrl)
  const openWindow = () =>
    createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      rendererIndexFile,
      devServerUrl,
      isAppUrl,
      iconPath: path.join(resourcesDir, 'icon.png'),
    })
  openWindow()
  // Training jobs live in this process: closing the last window on macOS keeps them running.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => void services.dispose())
}

void start()
