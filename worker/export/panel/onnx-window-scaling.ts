import type { WindowScaling } from '../../panel/types'
import {
  floatTensor,
  int64Tensor,
  intAttribute,
  node,
  type NodePart,
  type TensorPart,
} from '../onnx/graph-parts'

/**
 * The panel's per-window normalisation (worker/panel/window-scaling.ts) as ONNX nodes, so an
 * exported panel model reads raw windows and answers in their units:
 *
 *   mean: reference = mean |value| over the observed steps (1 when it is ≤ 1e-12),
 *         scaled = value / reference − 1,  forecast = (output + 1) · reference
 *   log:  reference = log(last value),  scaled = log(value) − reference,  forecast = exp(output + reference)
 *
 * Padded steps (flag 0) are written as 0 whatever they hold, as the window builder writes them.
 * Features after the flag (static attributes, calendar) pass into the network unchanged.
 */

export interface ScalingParts {
  nodes: NodePart[]
  initializers: TensorPart[]
  /** The scaled window [batch, lookback, features] the network reads. */
  scaled: string
  /** Applies the inverse scaling to one member's `output` [batch, outputs], writing `forecast`. */
  unscale: (output: string, forecast: string, prefix: string) => NodePart[]
}

const P = 'scaling.'

/** The window's channel `from`..`to` (exclusive) along the feature axis: [batch, lookback, to − from]. */
function channels(
  name: string,
  input: string,
  from: number,
  to: number,
): { nodes: NodePart[]; initializers: TensorPart[] } {
  return {
    initializers: [int64Tensor(`${P}${name}.starts`, [from]), int64Tensor(`${P}${name}.ends`, [to])],
    nodes: [
      node(
        'Slice',
        `${P}${name}`,
        [input, `${P}${name}.starts`, `${P}${name}.ends`, `${P}axis.features`],
        [`${P}${name}`],
      ),
    ],
  }
}

function scalar(name: string, value: number): TensorPart {
  return floatTensor(`${P}${name}`, [], [value])
}

/** reference [batch, 1, 1] of a mean-scaled window, from its value and flag channels. */
function meanReference(value: string, flag: string): NodePart[] {
  return [
    node('Abs', `${P}abs`, [value], [`${P}abs`]),
    node('Mul', `${P}observed_abs`, [`${P}abs`, flag], [`${P}observed_abs`]),
    node(
      'ReduceSum',
      `${P}sum`,
      [`${P}observed_abs`, `${P}axis.time`],
      [`${P}sum`],
      [intAttribute('keepdims', 1)],
    ),
    node('ReduceSum', `${P}count`, [flag, `${P}axis.time`], [`${P}count`], [intAttribute('keepdims', 1)]),
    node('Div', `${P}mean`, [`${P}sum`, `${P}count`], [`${P}mean`]),
    // A window of zeros keeps reference 1, as window-scaling.ts does, instead of dividing by 0.
    node('Greater', `${P}mean_positive`, [`${P}mean`, `${P}tiny`], [`${P}mean_positive`]),
    node('Where', `${P}reference`, [`${P}mean_positive`, `${P}mean`, `${P}one`], [`${P}reference`]),
  ]
}

/** scaled value [batch, lookback, 1] of a mean-scaled window: value / reference − 1, 0 where padded. */
function meanScaled(value: string, flag: string): NodePart[] {
  return [
    node('Div', `${P}ratio`, [value, `${P}reference`], [`${P}ratio`]),
    node('Sub', `${P}centred`, [`${P}ratio`, `${P}one`], [`${P}centred`]),
    node('Mul', `${P}scaled_value`, [`${P}centred`, flag], [`${P}scaled_value`]),
  ]
}

/**
 * reference = log of the window's last value; scaled value = (log(value + 1 − flag) − reference) · flag:
 * a padded step (0, flag 0) takes log 1 = 0 instead of log 0, then the flag zeroes it.
 */
function logParts(
  value: string,
  flag: string,
  lookback: number,
): { nodes: NodePart[]; initializers: TensorPart[] } {
  const last = {
    initializers: [int64Tensor(`${P}last.starts`, [lookback - 1]), int64Tensor(`${P}last.ends`, [lookback])],
    nodes: [
      node('Slice', `${P}last`, [value, `${P}last.starts`, `${P}last.ends`, `${P}axis.time`], [`${P}last`]),
    ],
  }
  return {
    initializers: last.initializers,
    nodes: [
      ...last.nodes,
      node('Log', `${P}reference`, [`${P}last`], [`${P}reference`]),
      node('Sub', `${P}padding`, [`${P}one`, flag], [`${P}padding`]),
      node('Add', `${P}safe_value`, [value, `${P}padding`], [`${P}safe_value`]),
      node('Log', `${P}log_value`, [`${P}safe_value`], [`${P}log_value`]),
      node('Sub', `${P}relative`, [`${P}log_value`, `${P}reference`], [`${P}relative`]),
      node('Mul', `${P}scaled_value`, [`${P}relative`, flag], [`${P}scaled_value`]),
    ],
  }
}

export function windowScalingParts(
  input: string,
  scaling: WindowScaling,
  lookback: number,
  inputSize: number,
): ScalingParts {
  if (inputSize < 2)
    throw new RangeError(
      `a panel network reads at least (value, observed flag) per step, not ${inputSize} input(s)`,
    )
  const value = channels('value', input, 0, 1)
  const flag = channels('flag', input, 1, 2)
  const rest = inputSize > 2 ? channels('features', input, 2, inputSize) : null
  const initializers: TensorPart[] = [
    int64Tensor(`${P}axis.features`, [2]),
    int64Tensor(`${P}axis.time`, [1]),
    int64Tensor(`${P}axis.reference`, [2]),
    scalar('one', 1),
    ...value.initializers,
    ...flag.initializers,
    ...(rest?.initializers ?? []),
  ]
  const nodes: NodePart[] = [...value.nodes, ...flag.nodes, ...(rest?.nodes ?? [])]
  const [v, f] = [`${P}value`, `${P}flag`]
  if (scaling === 'mean') {
    nodes.push(...meanReference(v, f), ...meanScaled(v, f))
    initializers.push(scalar('tiny', 1e-12))
  } else {
    const log = logParts(v, f, lookback)
    nodes.push(...log.nodes)
    initializers.push(...log.initializers)
  }
  const scaled = `${P}window`
  const parts = [`${P}scaled_value`, f, ...(rest ? [`${P}features`] : [])]
  nodes.push(node('Concat', `${P}window`, parts, [scaled], [intAttribute('axis', 2)]))
  // [batch, 1, 1] → [batch, 1], which broadcasts over the horizon.
  nodes.push(
    node(
      'Squeeze',
      `${P}reference_per_window`,
      [`${P}reference`, `${P}axis.reference`],
      [`${P}reference_2d`],
    ),
  )
  const unscale = (output: string, forecast: string, prefix: string): NodePart[] =>
    scaling === 'mean'
      ? [
          node('Add', `${prefix}${P}output_plus_one`, [output, `${P}one`], [`${prefix}${P}output_plus_one`]),
          node(
            'Mul',
            `${prefix}${P}unscale`,
            [`${prefix}${P}output_plus_one`, `${P}reference_2d`],
            [forecast],
          ),
        ]
      : [
          node('Add', `${prefix}${P}output_log`, [output, `${P}reference_2d`], [`${prefix}${P}output_log`]),
          node('Exp', `${prefix}${P}unscale`, [`${prefix}${P}output_log`], [forecast]),
        ]
  return { nodes, initializers, scaled, unscale }
}
