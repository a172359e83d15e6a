/** More weights than this per value the training part asks the network to predict is too many. */
export const WEIGHTS_PER_VALUE_LIMIT = 10

/**
 * How many times more weights the network has than the training part has values to fit
 * (windows × horizon × targets), when that is far too many: such a network memorises the
 * training windows instead of learning the pattern. Null when the size is reasonable.
 */
export function weightsPerValue(
  weights: number,
  windows: number,
  horizon: number,
  targets: number,
): number | null {
  const values = windows * horizon * Math.max(1, targets)
  if (values <= 0 || !Number.isFinite(weights)) return null
  const ratio = weights / values
  return ratio > WEIGHTS_PER_VALUE_LIMIT ? ratio : null
}
