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

/**
 * A file path as a person gives it: maybe wrapped in quotes (Windows' "Copy as path" adds them)
 * and maybe starting with `~` for their home folder, which the services expand. Anything else
 * must be absolute, as for `absolutePath`.
 */
export const userFilePath = z
  .string()
  .min(1)
  .max(4096)
  .transform(unquotePath)
  .refine((value) => !value.includes('\0'), 'must not contain NUL characters')
  .refine(
    (value) => isAbsolutePath(value) || isHomePath(value),
    'must be an absolute path (or start with ~ for your home folder)',
  )

/** `"C:\data\sales.csv"` or `'~/sales.csv'` → the path inside the quotes, trimmed. */
export function unquotePath(value: string): string {
  const trimmed = value.trim()
  const quoted = /^(["'])(.*)\1$/s.exec(trimmed)
  return quoted ? quoted[2]!.trim() : trimmed
}

/** `~` or `~/…` (`~\…` on Windows): relative to the home folder of the user running the app. */
export function isHomePath(value: string): boolean {
  return value === '~' || value.startsWith('~/') || value.startsWith('~\\')
}

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
