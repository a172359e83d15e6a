import { BrowserWindow, dialog } from 'electron'
import type { NativeDialogs } from '../services'

/** The desktop's open dialogs, attached to the focused window. */
export const nativeDialogs: NativeDialogs = {
  pickCsvFile: () =>
    pick({
      properties: ['openFile'],
      filters: [
        { name: 'CSV', extensions: ['csv', 'tsv', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    }),
  pickProjectFolder: () => pick({ properties: ['openDirectory', 'createDirectory'] }),
}

async function pick(options: Electron.OpenDialogOptions): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow()
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
