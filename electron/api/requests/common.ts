import { z } from 'zod'
import { MAX_TARGETS } from '../../../worker/pipeline/targets'
import { isAbsolutePath } from '../define'

/** The sizes every request shares, defined once: the schemas below and the renderer's checks read them. */
export const LIMITS = {
  /** Characters of an id (letters, digits, `_` and `-`). */
  idLength: 64,
  /** Characters of a column name. */
  columnName: 512,
  /** Target columns one network forecasts (its head writes a horizon for each). */
  targets: MAX_TARGETS,
  /** Covariate columns one network reads. */
  covariates: 64,
  /** Rows a request may name (a split part, a chart range). */
  rows: 100_000_000,
} as const

/** Paths typed by the user (server mode) or chosen in a native dialog (desktop). */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'must not contain NUL characters')
  // A relative path would resolve against the app's working directory, wherever that is.
  .refine(isAbsolutePath, 'must be an absolute path')

const ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.idLength}}$`)

/**
 * Every handle the API hands out or takes back: projects, datasets, models, forecasts, runs and
 * their jobs, imports. One shape, so an id is safe as a file name and in a URL wherever it goes.
 */
export const recordId = z
  .string()
  .regex(ID_PATTERN, `must be an id: 1 to ${LIMITS.idLength} letters, digits, _ or - (such as "run-1")`)

/** A column of an imported dataset, by name. */
export const columnName = z.string().min(1).max(LIMITS.columnName)
