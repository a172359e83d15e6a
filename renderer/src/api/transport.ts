import type { Reply } from '../../../electron/api/envelope'

/** How the client reaches the main side; components never see which one is in use. */
export interface Transport {
  readonly kind: 'ipc' | 'websocket'
  request(name: string, args: unknown): Promise<Reply>
  onEvent(listener: (name: string, payload: unknown) => void): () => void
}
