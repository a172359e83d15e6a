/** Forecast bands of one step around `v`: the mean, ±1 for 80 %, ±2 for 95 %. */
export function bands(v: number) {
  return { mean: [v], lower80: [v - 1], upper80: [v + 1], lower95: [v - 2], upper95: [v + 2] }
}
