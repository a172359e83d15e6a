import { paramCount } from '../../engine/index'
import type { ExportNetwork } from '../network'
import { checkEnsemble } from '../network'
import { encodeOnnxModel, ensembleParts, ONNX_INPUT, ONNX_OUTPUT } from '../onnx/build-onnx'
import { buildTfjsEnsemble, type TfjsArtifacts } from '../tfjs/build-tfjs'
import { windowScalingParts } from './onnx-window-scaling'
import {
  describePanelPreprocessing,
  PANEL_PREPROCESSING_KEY,
  type PanelExportSource,
} from './panel-preprocessing'

/**
 * Exports of a global panel model: every ensemble member in one graph that averages them. ONNX
 * holds the per-window scaling too (raw window in, forecast in the window's units out); TF.js
 * Layers has no layer that divides by a value computed from the input, so its graph works on the
 * scaled window and the scaling is done around it, as its description and model card say.
 */

export interface PanelExportOptions {
  appVersion?: string
}

/** Each ensemble member as a network of its own, the panel's lookback as its window. */
export function panelMemberNetworks(source: PanelExportSource): ExportNetwork[] {
  const size = paramCount(source.spec)
  if (source.params.length !== size * source.members)
    throw new RangeError(
      `the panel model holds ${source.params.length} weights, ${source.members} networks of its shape need ${size * source.members}`,
    )
  const networks = Array.from({ length: source.members }, (_, m) => ({
    spec: source.spec,
    params: source.params.subarray(m * size, (m + 1) * size),
    lookback: source.config.lookback,
  }))
  checkEnsemble(networks)
  return networks
}

/** model.onnx bytes: raw window [batch, lookback, features] → forecast [batch, horizon] in its units. */
export function exportPanelOnnx(source: PanelExportSource, options: PanelExportOptions = {}): Uint8Array {
  const networks = panelMemberNetworks(source)
  const { lookback } = source.config
  const scaling = windowScalingParts(ONNX_INPUT, source.config.scaling, lookback, source.spec.inputSize)
  // Each member is un-scaled before the mean, as forecastPanel averages members in original units.
  const network = ensembleParts(networks, scaling.scaled, ONNX_OUTPUT, scaling.unscale)
  const parts = {
    nodes: [...scaling.nodes, ...network.nodes],
    initializers: [...scaling.initializers, ...network.initializers],
  }
  return encodeOnnxModel(parts, networks[0], {
    producerVersion: options.appVersion ?? '',
    docString:
      'LSTM Studio panel forecaster: input is a raw window (value, observed flag, …) with padded steps 0/0; ' +
      'output is the forecast in the units of that window. Seasonal adjustment and the combination with ETS and Theta: ' +
      `see metadata ${PANEL_PREPROCESSING_KEY}.`,
    metadata: {
      [PANEL_PREPROCESSING_KEY]: JSON.stringify(
        describePanelPreprocessing(source, { scalingInGraph: true, membersSideBySide: false }),
      ),
    },
  })
}

/**
 * TF.js model.json + shard: scaled window → scaled forecast; the scaling is in userDefinedMetadata.
 * Mean scaling is linear, so the members' mean on the scaled scale un-scales to the app's mean;
 * log scaling is not, so several log-scaled members are output side by side, averaged after.
 */
export function panelTfjsMembersSideBySide(source: PanelExportSource): boolean {
  return source.config.scaling === 'log' && source.members > 1
}

export function exportPanelTfjs(source: PanelExportSource, options: PanelExportOptions = {}): TfjsArtifacts {
  const membersSideBySide = panelTfjsMembersSideBySide(source)
  return buildTfjsEnsemble(panelMemberNetworks(source), {
    generatedBy: `LSTM Studio ${options.appVersion ?? ''}`.trim(),
    metadata: {
      [PANEL_PREPROCESSING_KEY]: describePanelPreprocessing(source, {
        scalingInGraph: false,
        membersSideBySide,
      }),
    },
    sideBySide: membersSideBySide,
  })
}
