import { TFJS_LOAD_IN_NODE } from '../card-snippets'
import type { ExportFormat } from '../export-format'
import { JS_FINISH, JS_READ_INPUTS, JS_SEASONAL, PYTHON_SEASONAL } from './panel-snippet-parts'
import { PYTHON_ARGUMENTS, PYTHON_EXTRA_INPUTS, PYTHON_FILL_EXTRAS } from './panel-snippet-inputs'

/**
 * Runnable snippets of the panel model card: each forecasts one series (of the panel or new) from
 * its history file, end to end — seasonal adjustment, the window, the graph, the season back, the
 * combination with ETS and Theta, the intervals. Saved as forecast.mjs / forecast.py beside the files (`node forecast.mjs series.txt`).
 */

const ONNX_JS_MIDDLE = [
  'used.forEach((v, i) => {',
  '  x[at(i)] = v',
  '  x[at(i) + 1] = 1',
  '})',
  '',
  "// 3. The graph scales the window, runs every member, un-scales and averages: the adjusted series' forecast.",
  "const session = await ort.InferenceSession.create(await readFile('model.onnx'))",
  "const output = await session.run({ input: new ort.Tensor('float32', x, [1, lookback, F]) })",
  'const networkAdjusted = Array.from(output.forecast.data)',
]

const TFJS_JS_MIDDLE = [
  '',
  '// 3. Scale the window as the graph expects (window.scaling), run it, un-scale its output.',
  "const logScaling = prep.window.scaling === 'log'",
  'const meanAbs = used.reduce((a, v) => a + Math.abs(v), 0) / used.length',
  'const reference = logScaling ? Math.log(used[used.length - 1]) : meanAbs > 1e-12 ? meanAbs : 1',
  'used.forEach((v, i) => {',
  '  x[at(i)] = logScaling ? Math.log(v) - reference : v / reference - 1',
  '  x[at(i) + 1] = 1',
  '})',
  ...TFJS_LOAD_IN_NODE,
  'const out = model.predict(tf.tensor3d(x, [1, lookback, F])).dataSync()',
  '// Log-scaled members come side by side (window.membersSideBySide): un-scale each, then average.',
  'const copies = prep.window.membersSideBySide ? prep.members : 1',
  'const unscale = (o) => (logScaling ? Math.exp(o + reference) : (o + 1) * reference)',
  'const networkAdjusted = Array.from({ length: horizon }, (_, k) => {',
  '  let sum = 0',
  '  for (let m = 0; m < copies; m++) sum += unscale(out[m * horizon + k])',
  '  return sum / copies',
  '})',
]

/** forecast.mjs for an ONNX or TF.js panel export. */
export function panelJsScript(format: 'onnx' | 'tfjs'): string {
  const header =
    format === 'onnx'
      ? ["import * as ort from 'onnxruntime-web'"]
      : ["import * as tf from '@tensorflow/tfjs'"]
  const middle = format === 'onnx' ? ONNX_JS_MIDDLE : TFJS_JS_MIDDLE
  return [...header, ...JS_READ_INPUTS, ...JS_SEASONAL, ...middle, ...JS_FINISH, ''].join('\n')
}

/** forecast.py for an ONNX panel export. */
export function panelPythonScript(): string {
  return [
    'import argparse',
    'import json',
    'import sys',
    '',
    'import numpy as np',
    'import onnxruntime as ort',
    '',
    ...PYTHON_ARGUMENTS,
    '',
    '',
    'prep = json.load(open("preprocessing.json"))',
    'history = np.loadtxt(args.series, ndmin=1)  # the series, oldest first, one value per line',
    'lookback, horizon, m = prep["lookback"], prep["horizon"], prep["seasonality"]["period"]',
    'F = len(prep["features"])  # value, observed flag, then any further features',
    '',
    '',
    ...PYTHON_SEASONAL,
    '',
    '',
    ...PYTHON_EXTRA_INPUTS,
    '',
    '',
    'n = len(history)',
    '# Theta always adjusts; the network only when the model was trained on adjusted series.',
    'theta_idx = seasonal_indices(history, m)',
    'idx = theta_idx if prep["seasonality"]["deseasonalise"] else np.ones(m)',
    'used = (history / idx[np.arange(n) % m])[-lookback:]',
    'x = np.zeros((1, lookback, F), dtype=np.float32)  # padded steps stay 0 / 0',
    'x[0, lookback - len(used) :, 0] = used',
    'x[0, lookback - len(used) :, 1] = 1',
    ...PYTHON_FILL_EXTRAS,
    '# The graph scales the window, runs every member, un-scales and averages; the season goes back on.',
    'network = ort.InferenceSession("model.onnx").run(["forecast"], {"input": x})[0][0]',
    'network = network * idx[np.arange(n, n + horizon) % m]',
    "# The combination validation chose: network, R's automatic ETS and M4's Theta, each on this history.",
    'weights = prep["combination"]',
    'forecast = weights["network"] * network',
    'if weights["theta"] > 0:',
    '    forecast = forecast + weights["theta"] * theta(history, m, horizon, theta_idx)',
    'if weights["ets"] > 0:',
    "    # R's ets() as statsforecast ports it (pip install statsforecast); its fit may differ in the last digits.",
    '    from statsforecast.models import AutoETS',
    '',
    '    season = m if m <= prep["combination"]["etsMaxSeasonalPeriod"] else 1',
    '    ets = AutoETS(season_length=season).forecast(y=history, h=horizon)["mean"]',
    '    forecast = forecast + weights["ets"] * np.asarray(ets)',
    'scale = np.abs(np.diff(history)).mean() if n > 1 else 1.0',
    'scale = scale if scale > 0 else 1.0',
    'intervals = {}',
    'for level in prep["intervals"]["levels"]:',
    '    widths = [None if v is None else v * scale for v in prep["intervals"]["halfWidths"][str(level)]]',
    '    intervals[level] = [[None, None] if v is None else [f - v, f + v] for f, v in zip(forecast.tolist(), widths)]',
    'print(json.dumps({"network": network.tolist(), "forecast": forecast.tolist(), "intervals": intervals}))',
    '',
  ].join('\n')
}

function fenced(language: string, code: string): string[] {
  return ['```' + language, ...code.trimEnd().split('\n'), '```']
}

/** The card's "Run it" section; the scripts are also written beside the model. `readsInputs`: the model has further inputs. */
export function panelRunSnippets(format: ExportFormat, readsInputs = false): string[] {
  const cli = [
    '',
    'LSTM Studio forecasts every series of a panel CSV with the native model folder:',
    '',
    '```sh',
    'lstm-studio forecast MODEL_DIR panel.csv --horizon H --out forecast.csv',
    '```',
  ]
  if (format === 'native') return ['## Run it', ...cli]
  const js =
    format === 'onnx'
      ? ['JavaScript, `forecast.mjs` (`npm install onnxruntime-web`; `onnxruntime-node` has the same API):']
      : ['JavaScript, `forecast.mjs` (`npm install @tensorflow/tfjs`):']
  const etsNote = [
    '',
    'When the combination gives ETS a weight, `forecast.mjs` reads its forecast of the series from a second',
    'file (`node forecast.mjs series.txt ets.txt`): it fits no ETS models itself.',
  ]
  return [
    '## Run it',
    '',
    'Each script forecasts one series — of the panel or a new one, at any scale — from a text file of its',
    'values (oldest first, one per line): `node forecast.mjs series.txt`' +
      (format === 'onnx' ? ', `python forecast.py series.txt`.' : '.'),
    ...(readsInputs
      ? ['This model also reads further inputs: add `--inputs series-inputs.json` ("Further inputs" above).']
      : []),
    '',
    ...js,
    '',
    ...fenced('js', panelJsScript(format)),
    ...etsNote,
    ...(format === 'onnx'
      ? [
          '',
          'Python, `forecast.py` (`pip install onnxruntime numpy`, and `statsforecast` when the combination has ETS):',
          '',
          ...fenced('python', panelPythonScript()),
        ]
      : []),
    ...cli,
  ]
}
