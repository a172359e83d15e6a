export type InstallResult = { ok: true } | { ok: false; error: string; interrupted: boolean }

export declare function runElectronInstaller(options: {
  installer: string
  env?: NodeJS.ProcessEnv
  stdio?: 'inherit' | 'ignore'
}): Promise<InstallResult>

export declare function installerError(report: {
  stderr: string
  fetchFailure?: string | null
}): string | null
