import * as tf from '@tensorflow/tfjs'
import type { TfjsArtifacts } from '../../../worker/export/index'

/** Loads exporter output with tfjs itself, from memory, as `tf.loadLayersModel` reads the folder. */

/** The ArrayBuffer view tf.io expects, holding exactly the shard's bytes. */
function shard(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}

export async function loadInTfjs(artifacts: TfjsArtifacts): Promise<tf.LayersModel> {
  const { modelJson, weightData } = artifacts
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: shard(weightData),
    }),
  )
}

export function predict(
  model: tf.LayersModel,
  x: Float32Array,
  dims: [number, number, number],
): { data: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor3d(x, dims)) as tf.Tensor
    return { data: output.dataSync() as Float32Array, shape: output.shape }
  })
}
