import type { ExportFormat } from './export-format'

/** Copy-paste starting points; `x` is the scaled window built as the Scaling section says. */

/** Loads a TF.js export's model.json and weights in Node (a browser passes the URL of model.json instead). */
export const TFJS_LOAD_IN_NODE = [
  "const modelJson = JSON.parse(await readFile('model.json', 'utf8'))",
  "const shard = await readFile('group1-shard1of1.bin')",
  'const model = await tf.loadLayersModel(',
  '  tf.io.fromMemory({',
  '    modelTopology: modelJson.modelTopology,',
  '    weightSpecs: modelJson.weightsManifest[0].weights,',
  '    weightData: shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength),',
  '  }),',
  ')',
]

function onnxSnippets(lookback: number, features: number): string[] {
  return [
    'Python (`pip install onnxruntime numpy`):',
    '',
    '```python',
    'import json',
    'import numpy as np',
    'import onnxruntime as ort',
    '',
    'session = ort.InferenceSession("model.onnx")',
    'prep = json.load(open("preprocessing.json"))',
    `x = np.zeros((${lookback}, ${features}), dtype=np.float32)  # the scaled window, see Scaling`,
    'forecast = session.run(["forecast"], {"input": x[np.newaxis]})[0][0]  # scaled units',
    '```',
    '',
    'JavaScript (`npm install onnxruntime-web`, or `onnxruntime-node` with the same API):',
    '',
    '```js',
    "import * as ort from 'onnxruntime-web'",
    "import { readFile } from 'node:fs/promises'",
    '',
    "const session = await ort.InferenceSession.create(await readFile('model.onnx'))",
    `const x = new Float32Array(${lookback * features}) // the scaled window, row-major [1, ${lookback}, ${features}]`,
    `const { forecast } = await session.run({ input: new ort.Tensor('float32', x, [1, ${lookback}, ${features}]) })`,
    'console.log(forecast.data) // scaled units',
    '```',
  ]
}

function tfjsSnippets(lookback: number, features: number): string[] {
  return [
    'JavaScript (`npm install @tensorflow/tfjs`; in a browser, `tf.loadLayersModel(urlOfModelJson)` is enough):',
    '',
    '```js',
    "import * as tf from '@tensorflow/tfjs'",
    "import { readFile } from 'node:fs/promises'",
    '',
    ...TFJS_LOAD_IN_NODE,
    `const x = new Float32Array(${lookback * features}) // the scaled window, row-major [1, ${lookback}, ${features}]`,
    `const forecast = model.predict(tf.tensor3d(x, [1, ${lookback}, ${features}])).dataSync() // scaled units`,
    '```',
    '',
    'Python (`pip install tensorflowjs`):',
    '',
    '```python',
    'import numpy as np',
    'import tensorflowjs as tfjs',
    '',
    'model = tfjs.converters.load_keras_model("model.json")',
    `x = np.zeros((1, ${lookback}, ${features}), dtype=np.float32)  # the scaled window, see Scaling`,
    'forecast = model.predict(x)[0]  # scaled units',
    '```',
  ]
}

function nativeSnippets(): string[] {
  return [
    'Command line (forecast from a CSV with the same columns; writes dates, forecasts and intervals):',
    '',
    '```sh',
    'lstm-studio forecast . data.csv --horizon H --out forecast.csv',
    '```',
    '',
    'Or open the folder in LSTM Studio. To read the weights elsewhere: `weights.bin` is little-endian float32',
    'in the order of `model.json` → `engine.layout` (PyTorch layout: W_ih, W_hh, b_ih, b_hh per layer, then the head).',
    '',
    '```python',
    'import json',
    'import numpy as np',
    '',
    'manifest = json.load(open("model.json"))',
    'flat = np.fromfile("weights.bin", dtype="<f4")',
    'params = {e["name"]: flat[e["offset"]:e["offset"] + e["size"]].reshape(e["shape"]) for e in manifest["engine"]["layout"]}',
    '```',
  ]
}

export function runSnippets(format: ExportFormat, lookback: number, features: number): string[] {
  const body =
    format === 'onnx'
      ? onnxSnippets(lookback, features)
      : format === 'tfjs'
        ? tfjsSnippets(lookback, features)
        : nativeSnippets()
  return ['## Run it', '', ...body, ...(format === 'native' ? [] : cliForecastLines())]
}

/** Exports forecast through the CLI as well: it reads the model file and its embedded scaling. */
function cliForecastLines(): string[] {
  return [
    '',
    'LSTM Studio forecasts with this folder directly (same CSV as from the native model):',
    '',
    '```',
    'lstm-studio forecast . data.csv --horizon H --out forecast.csv',
    '```',
  ]
}
