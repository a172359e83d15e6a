import type { KerasLayer } from './layer-configs'

/** One output of one call of a layer, as Keras names it: [layer name, node index, tensor index]. */
export interface TensorRef {
  layer: string
  node: number
}

type InboundNode = [string, number, number, Record<string, never>][]

interface GraphLayer extends KerasLayer {
  name: string
  inbound_nodes: InboundNode[]
}

/** The Keras functional topology (`class_name: "Model"`), as tfjs-layers serialises it. */
export interface FunctionalTopology {
  class_name: 'Model'
  config: {
    name: string
    layers: GraphLayer[]
    input_layers: [string, number, number][]
    output_layers: [string, number, number][]
  }
}

/**
 * Builds a functional Keras graph call by call. A layer called again is the same layer object at a
 * new node, which is how Keras shares weights. Layers are listed in order of their first call:
 * tfjs-layers rebuilds the graph by sweeping that list and calling each layer on whichever of its
 * nodes' inputs exist, so this order keeps every shared layer's nodes created in call order.
 */
export class FunctionalGraph {
  private readonly layers = new Map<string, GraphLayer>()
  private readonly inputs: TensorRef[] = []

  input(name: string, batchInputShape: (number | null)[]): TensorRef {
    const layer = this.declare({
      class_name: 'InputLayer',
      config: { name, batch_input_shape: batchInputShape, dtype: 'float32', sparse: false },
    })
    layer.inbound_nodes.push([])
    const ref = { layer: name, node: 0 }
    this.inputs.push(ref)
    return ref
  }

  /** Calls `layer` on `inputs`; a layer already in the graph (same name) is called again, sharing it. */
  call(layer: KerasLayer, inputs: TensorRef[]): TensorRef {
    const name = String(layer.config.name)
    const known = this.layers.get(name) ?? this.declare(layer)
    if (known.class_name !== layer.class_name)
      throw new Error(`layer name ${name} is used by both ${known.class_name} and ${layer.class_name}`)
    known.inbound_nodes.push(inputs.map(({ layer: from, node }) => [from, node, 0, {}]))
    return { layer: name, node: known.inbound_nodes.length - 1 }
  }

  topology(name: string, outputs: TensorRef[]): FunctionalTopology {
    const refs = (list: TensorRef[]) =>
      list.map(({ layer, node }): [string, number, number] => [layer, node, 0])
    return {
      class_name: 'Model',
      config: {
        name,
        layers: [...this.layers.values()],
        input_layers: refs(this.inputs),
        output_layers: refs(outputs),
      },
    }
  }

  private declare(layer: KerasLayer): GraphLayer {
    const name = String(layer.config.name)
    if (this.layers.has(name)) throw new Error(`layer name ${name} is already in the graph`)
    const entry: GraphLayer = { ...layer, name, inbound_nodes: [] }
    this.layers.set(name, entry)
    return entry
  }
}
