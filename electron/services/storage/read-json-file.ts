import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { hasErrnoCode } from './coded-error'

/**
 * For small app-owned files (settings, recent lists) where a missing or damaged file
 * simply means "start from defaults": nothing the user made is at stake.
 */
export async function readJsonFileOr<T>(filePath: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    if (hasErrnoCode(error, 'ENOENT')) return fallback
    throw error
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}
