import * as ort from 'onnxruntime-web'

// Under Node the package resolves to its wasm build; one thread keeps the shared CI cores free
// and warnings about initializers are noise in test output.
ort.env.wasm.numThreads = 1
ort.env.logLevel = 'error'

export async function runOnnx(
  bytes: Uint8Array,
  x: Float32Array,
  dims: number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const session = await ort.InferenceSession.create(bytes)
  try {
    const result = await session.run({ input: new ort.Tensor('float32', x, dims) })
    const forecast = result.forecast
    return { data: forecast.data as Float32Array, dims: forecast.dims }
  } finally {
    await session.release()
  }
}

export async function onnxSignature(
  bytes: Uint8Array,
): Promise<{ inputs: readonly string[]; outputs: readonly string[] }> {
  const session = await ort.InferenceSession.create(bytes)
  const signature = { inputs: session.inputNames, outputs: session.outputNames }
  await session.release()
  return signature
}
