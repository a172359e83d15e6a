import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * Runs a panel export's scripts as a user would (node forecast.mjs, python3 forecast.py) on one
 * series; forecast.py meets a stand-in for onnxruntime that records the window it is fed.
 */

export interface ScriptOutput {
  network: number[]
  forecast: number[]
  intervals: Record<string, [number | null, number | null][]>
}

/** Writes the series as series.txt in the export folder, one value per line. */
export async function writeSeries(out: string, series: Float64Array): Promise<void> {
  await writeFile(join(out, 'series.txt'), `${Array.from(series).join('\n')}\n`)
}

/** Runs the export's forecast.mjs with node on one series, as the card tells a user to. */
export async function runScript(
  out: string,
  series: Float64Array,
  ...extra: string[]
): Promise<ScriptOutput> {
  await writeSeries(out, series)
  const { stdout } = await promisify(execFile)(process.execPath, ['forecast.mjs', 'series.txt', ...extra], {
    cwd: out,
  })
  return JSON.parse(stdout) as ScriptOutput
}

/** Whether this machine has python3 with numpy, which forecast.py needs besides onnxruntime. */
async function hasNumpy(): Promise<boolean> {
  try {
    await promisify(execFile)('python3', ['-c', 'import numpy'])
    return true
  } catch {
    return false
  }
}

export const PYTHON_WITH_NUMPY = await hasNumpy()

/**
 * onnxruntime for Python stood in by a module that records the window forecast.py builds and
 * answers with what the real graph answered to the expected window (onnxruntime-web, in the test).
 */
const ONNXRUNTIME_STUB = `import json, os
import numpy as np


class InferenceSession:
    def __init__(self, path):
        self.path = path

    def run(self, names, feeds):
        json.dump(feeds["input"].tolist(), open(os.environ["STUB_INPUT"], "w"))
        return [np.array([json.load(open(os.environ["STUB_OUTPUT"]))], dtype=np.float32)]
`

export interface PythonRun {
  stdout: string
  /** The window forecast.py fed the graph, flattened. */
  fed: () => Promise<number[]>
}

/**
 * Runs forecast.py in `out` with `args`, onnxruntime answering `graphOutput` (what the real graph
 * answers to the window the app builds); the stub lives in `stubDir`.
 */
export async function runPython(
  out: string,
  stubDir: string,
  graphOutput: ArrayLike<number>,
  args: string[],
): Promise<PythonRun> {
  await mkdir(stubDir, { recursive: true })
  await writeFile(join(stubDir, 'onnxruntime.py'), ONNXRUNTIME_STUB)
  await writeFile(join(stubDir, 'output.json'), JSON.stringify(Array.from(graphOutput)))
  const input = join(stubDir, 'input.json')
  const env = {
    ...process.env,
    PYTHONPATH: stubDir,
    STUB_INPUT: input,
    STUB_OUTPUT: join(stubDir, 'output.json'),
  }
  const { stdout } = await promisify(execFile)('python3', ['forecast.py', ...args], { cwd: out, env })
  return {
    stdout,
    fed: async () => (JSON.parse(await readFile(input, 'utf8')) as number[][][]).flat(2),
  }
}
