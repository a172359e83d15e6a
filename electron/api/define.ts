import type { z } from 'zod'

/**
 * A request definition: the zod schema of its arguments (validated at the boundary) and,
 * as a phantom type, the shape of its result. `defineRequest<Result>()(schema)` keeps the
 * schema's inferred type and lets the result be written as a plain interface.
 */
export interface RequestDefinition<A extends z.ZodType, R> {
  readonly args: A
  readonly summary: string
  /** Never set at run time: carries the result type for the compiler. */
  readonly resultType?: R
}

export function defineRequest<R>() {
  return <A extends z.ZodType>(summary: string, args: A): RequestDefinition<A, R> => ({ args, summary })
}

/**
 * POSIX (`/…`), Windows drive (`C:\…`, `C:/…`) or UNC (`\\server\…`) absolute paths. Written
 * without node:path because the renderer shares these schemas; a path from the other system is
 * refused later by the file system, never resolved against the working directory.
 */
export function isAbsolutePath(value: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value)
}
