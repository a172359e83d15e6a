/**
 * Every event the main side pushes to the renderer, by name. Payloads are plain JSON.
 * Events are broadcast to every connected window or browser tab; a late subscriber asks
 * for the history it missed with a request (e.g. `training.history`).
 */
export interface EventMap {
  /** Something the user should know that did not come as the reply to their own request. */
  'app.notice': { level: 'info' | 'warning' | 'error'; message: string }
}
