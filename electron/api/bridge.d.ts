import type { Reply } from './envelope'

/** What the preload exposes as `window.lstm`: a generic request door and an event stream. */
export interface LstmBridge {
  invoke(name: string, args: unknown): Promise<Reply>
  onEvent(listener: (name: string, payload: unknown) => void): () => void
}

declare global {
  interface Window {
    lstm?: LstmBridge
  }
}
