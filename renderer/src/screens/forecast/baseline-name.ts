type Translate = (key: string) => string
type KnowsKey = (key: string) => boolean

/** A baseline in words ("Seasonal naive"), not its internal key; an unknown one keeps its key. */
export function baselineName(key: string, t: Translate, te: KnowsKey): string {
  const path = `forecast.baseline.${key}`
  return te(path) ? t(path) : key
}
