export declare function electronBinaryPath(env?: NodeJS.ProcessEnv): string | null
export declare function expectedElectronBinary(env?: NodeJS.ProcessEnv): string | null
export declare function electronInstallerPath(): string | null
