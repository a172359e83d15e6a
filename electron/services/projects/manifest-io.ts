import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { writeJsonAtomic } from '../storage/atomic-write'
import type { AtomicWriteOptions } from '../storage/atomic-write'
import { hasErrnoCode } from '../storage/coded-error'
import { ProjectDamagedError, ProjectNotFoundError, ProjectTooNewError } from './errors'
import { describeJsonSyntaxError, describeSchemaError } from './manifest-errors'
import { CURRENT_FORMAT_VERSION, projectManifestSchema } from '../../api/records'
import type { ProjectManifest } from '../../api/records'
import { migrateV1ToV2, projectManifestV1Schema } from './manifest-v1'
import { migrateV2ToV3, projectManifestV2Schema } from './manifest-v2'
import { migrateV3ToV4, projectManifestV3Schema } from './manifest-v3'
import { migrateV4ToV5, projectManifestV4Schema } from './manifest-v4'
import { migrateV5ToV6, projectManifestV5Schema } from './manifest-v5'
import { manifestPath } from './project-layout'

/** How to read each older format: validate with its own schema, then migrate it one version up. */
const olderFormats: Record<number, { schema: z.ZodType; migrate: (value: never) => unknown }> = {
  1: { schema: projectManifestV1Schema, migrate: migrateV1ToV2 },
  2: { schema: projectManifestV2Schema, migrate: migrateV2ToV3 },
  3: { schema: projectManifestV3Schema, migrate: migrateV3ToV4 },
  4: { schema: projectManifestV4Schema, migrate: migrateV4ToV5 },
  5: { schema: projectManifestV5Schema, migrate: migrateV5ToV6 },
}

export interface LoadedManifest {
  manifest: ProjectManifest
  /** The version found on disk when it was older; the file is rewritten only on the next save. */
  migratedFrom: number | null
}

function readFormatVersion(value: unknown, filePath: string): number {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProjectDamagedError(
      filePath,
      'field "formatVersion" is missing or is not a positive whole number',
    )
  }
  return version
}

function validate<T>(schema: z.ZodType<T>, value: unknown, filePath: string): T {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new ProjectDamagedError(filePath, describeSchemaError(result.error), result.error)
  return result.data
}

/** Parses project.json text, migrating older formats forward. `filePath` is only for messages. */
export function parseManifest(text: string, filePath: string): LoadedManifest {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ProjectDamagedError(filePath, describeJsonSyntaxError(text, error), error)
  }
  const version = readFormatVersion(value, filePath)
  if (version > CURRENT_FORMAT_VERSION)
    throw new ProjectTooNewError(filePath, version, CURRENT_FORMAT_VERSION)
  if (version === CURRENT_FORMAT_VERSION) {
    return { manifest: validate(projectManifestSchema, value, filePath), migratedFrom: null }
  }
  let migrated = value
  for (let step = version; step < CURRENT_FORMAT_VERSION; step++) {
    const older = olderFormats[step]
    if (!older)
      throw new ProjectDamagedError(filePath, `format version ${step} was never used by LSTM Studio`)
    migrated = older.migrate(validate(older.schema, migrated, filePath) as never)
  }
  return { manifest: validate(projectManifestSchema, migrated, filePath), migratedFrom: version }
}

export async function readManifest(projectDir: string): Promise<LoadedManifest> {
  const filePath = manifestPath(projectDir)
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT', 'ENOTDIR')) throw new ProjectNotFoundError(projectDir)
    throw error
  }
  return parseManifest(text, filePath)
}

/** Validates before writing so a bug can never put a file on disk that the app cannot open again. */
export async function writeManifest(
  projectDir: string,
  manifest: ProjectManifest,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const valid = validate(projectManifestSchema, manifest, manifestPath(projectDir))
  await writeJsonAtomic(manifestPath(projectDir), valid, options)
}
