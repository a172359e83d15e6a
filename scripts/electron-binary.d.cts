export declare function electronBinaryPath(): string | null
