import { electronBinaryPath, expectedElectronBinary } from '../../scripts/electron/binary.cjs'

/** Set by the global set-up when Electron's installer failed: its error, the skip reason. */
export const ELECTRON_UNAVAILABLE_ENV = 'LSTM_E2E_ELECTRON_UNAVAILABLE'

/** Why the desktop app cannot start here (checked now, not assumed), or null where it can. */
export function electronUnavailableReason(): string | null {
  if (electronBinaryPath()) return null
  const expected = expectedElectronBinary() ?? 'node_modules/electron/dist'
  return (
    process.env[ELECTRON_UNAVAILABLE_ENV] ??
    `no Electron binary at ${expected}, and the global set-up did not run Electron's installer`
  )
}
