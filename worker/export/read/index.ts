/** Reading exports back (ONNX weights, the preprocessing description) into models the pipeline runs. */
export { decodeOnnx, ONNX_PRODUCER, type DecodedOnnx } from './onnx-graph'
export { readOnnxModel, type ReadOnnx } from './read-onnx'
export { parsePreprocessing, readPreprocessing, type ReadPreprocessing } from './read-preprocessing'
export { rebuildTrainedModel } from './rebuild-model'
