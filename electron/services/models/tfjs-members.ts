import type { ReadPreprocessing } from '../../../worker/export/read/index'
import { ModelFormatError } from '../../../worker/model-format/index'

/**
 * How many networks a TF.js export averages. The exporter writes an ensemble as one functional
 * model whose output is an `Average` layer over the members' heads; a single network has no such
 * layer. The count comes from the topology, so a description that disagrees with the graph is
 * caught before the forecast trusts either.
 */

interface TopologyLayer {
  name?: unknown
  class_name?: unknown
  inbound_nodes?: unknown[][]
}

interface Topology {
  config?: { layers?: TopologyLayer[]; output_layers?: unknown[][] }
}

export function averagedMembers(topology: unknown): number {
  const config = (topology as Topology | null)?.config
  const outputName = config?.output_layers?.[0]?.[0]
  const output = config?.layers?.find((layer) => layer.name === outputName)
  if (output?.class_name !== 'Average') return 1
  return output.inbound_nodes?.[0]?.length ?? 1
}

/** Refuses an export whose description and graph disagree on the number of members. */
export function checkAveragedMembers(preprocessing: ReadPreprocessing, topology: unknown): number {
  const members = averagedMembers(topology)
  if (preprocessing.members !== null && preprocessing.members !== members)
    throw new ModelFormatError(
      'MODEL_DAMAGED',
      `The export is inconsistent: the description averages ${preprocessing.members} networks, ` +
        `the TF.js graph ${members}.`,
    )
  return members
}
