import { BrowserWindow, shell } from 'electron'
import { restrictNavigation } from './security/navigation'

export interface WindowOptions {
  preloadPath: string
  rendererIndexFile: string
  devServerUrl: string | undefined
  isAppUrl: (url: string) => boolean
  iconPath: string
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  // The renderer gets no Node, runs in Chromium's sandbox, and sees the main process only
  // through the preload's one object. Every flag is written out (and kept literal here so
  // the electronegativity scan can read it) so a changed Electron default cannot loosen it.
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'LSTM Studio',
    icon: options.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  restrictNavigation(window.webContents, options.isAppUrl, (url) => void shell.openExternal(url))
  window.once('ready-to-show', () => window.show())
  if (options.devServerUrl) void window.loadURL(options.devServerUrl)
  else void window.loadFile(options.rendererIndexFile)
  return window
}
