import { z } from 'zod'
import { isAbsolutePath } from '../define'

/** Paths typed by the user (server mode) or chosen in a native dialog (desktop). */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'must not contain NUL characters')
  // A relative path would resolve against the app's working directory, wherever that is.
  .refine(isAbsolutePath, 'must be an absolute path')

/** Handles of open projects and of their datasets and models, as the services hand them out. */
export const recordId = z.string().min(1).max(128)
