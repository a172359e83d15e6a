/**
 * A backtest origin whose forecast the judged network made from inside the data it was trained
 * on: it saw those points, so the score flatters it. Only without a refit (with one, a fresh
 * network is trained on the data before each origin).
 */
export function isInSample(origin: number, trainingEnd: number, refit: boolean | undefined): boolean {
  return refit !== true && origin < trainingEnd
}
