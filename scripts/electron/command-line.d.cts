export declare function electronCommandLine(
  appRoot: string,
  uid?: number,
): { args: string[]; note: string | null }
