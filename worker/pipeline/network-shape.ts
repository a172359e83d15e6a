import type { LayerSpec, ModelSpec } from '../engine/types'
import { channelNames, type ChannelSources } from './feature-names'
import type { PipelineConfig } from './types'

/** Steps one network call forecasts: the whole horizon (direct) or the next step (recursive). */
export function stepsPerCall(config: Pick<PipelineConfig, 'strategy' | 'horizon'>): number {
  return config.strategy === 'direct' ? config.horizon : 1
}

export interface NetworkSources extends ChannelSources, Pick<PipelineConfig, 'strategy' | 'horizon'> {
  layers: readonly LayerSpec[]
}

/**
 * The network a configuration trains on a series: one input per channel, the recurrent stack, and
 * a head that writes the steps of one call for every target, target-major. The pipeline builds
 * its models from this, and the Model screen counts their weights from it.
 */
export function networkSpec(sources: NetworkSources): ModelSpec {
  return {
    inputSize: channelNames(sources).length,
    outputSize: stepsPerCall(sources) * sources.targets.length,
    layers: sources.layers.map((layer) => ({ ...layer })),
  }
}
