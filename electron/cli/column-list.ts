/** `A,B` and repeated options as one list of column names: `--target A --target B,C` is A, B, C. */
export function columnList(values: string | string[] | undefined): string[] {
  return [values ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean)
}
