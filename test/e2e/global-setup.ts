import { electronBinaryPath } from '../../scripts/electron-binary.cjs'

export default function globalSetup(): void {
  if (!electronBinaryPath()) {
    console.log(
      '[e2e] electron project: skipped — the Electron binary is not installed here (its download host is unreachable); the web project runs the same specs in Chromium.',
    )
  }
}
