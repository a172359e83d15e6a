/** Exporters (pure): ONNX, TensorFlow.js Layers and the scaling that goes with them. */
export { checkNetwork, type ExportNetwork } from './network'
export {
  buildOnnxEnsemble,
  buildOnnxNetwork,
  ONNX_INPUT,
  ONNX_MEMBER_PREFIX,
  ONNX_IR_VERSION,
  ONNX_OPSET,
  ONNX_OUTPUT,
  type OnnxOptions,
} from './onnx/build-onnx'
export { ExportUnsupportedError } from './errors'
export {
  buildTfjsEnsemble,
  buildTfjsNetwork,
  TFJS_WEIGHTS_FILE,
  type TfjsArtifacts,
  type TfjsModelJson,
  type TfjsOptions,
  type TfjsWeightSpec,
} from './tfjs/build-tfjs'
export {
  describePreprocessing,
  featureNames,
  PREPROCESSING_KEY,
  PREPROCESSING_VERSION,
  type ExportPreprocessing,
  type NamedScaler,
  type TargetDescription,
} from './preprocessing'
export { exportOnnx, exportTfjs, memberNetworks, networkOf, type ExportOptions } from './export-model'
export {
  exportPanelOnnx,
  exportPanelTfjs,
  panelMemberNetworks,
  panelTfjsMembersSideBySide,
  type PanelExportOptions,
} from './panel/panel-export'
export {
  describePanelPreprocessing,
  panelFeatureNames,
  PANEL_PREPROCESSING_KEY,
  PANEL_PREPROCESSING_VERSION,
  type PanelExportPreprocessing,
  type PanelExportSource,
} from './panel/panel-preprocessing'
