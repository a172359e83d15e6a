/**
 * What the loopback server carries at most, so that no client (a runaway tab, a script
 * that opens sockets in a loop or never reads) can grow the process without bound.
 */

/** WebSocket connections (browser tabs) at once; one more is closed with 1013. */
export const DEFAULT_MAX_CONNECTIONS = 100

/**
 * Bytes of replies and events a client may leave unread before it is dropped with 1008.
 * Far above any single message the app sends (chart series are thinned to a few
 * thousand points), so only a client that stopped reading reaches it.
 */
export const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024

/** TCP connections allowed beyond the socket cap, for pages, assets and refused upgrades; more are dropped. */
export const HTTP_CONNECTION_HEADROOM = 32

/** RFC 6455 close codes the server ends a socket with; the reason names the limit. */
export const CLOSE_POLICY_VIOLATION = 1008
export const CLOSE_TRY_AGAIN_LATER = 1013
