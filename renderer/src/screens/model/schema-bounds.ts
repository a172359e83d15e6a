import { z } from 'zod'
import type { DraftIssue } from './validation'

/** A number's limits as its schema states them (a bound past the safe integers is no bound). */
interface Bounds {
  integer: boolean
  min?: number
  max?: number
  minExclusive: boolean
  maxExclusive: boolean
}

interface NumberJsonSchema {
  type?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
}

/** Optional, nullable and defaulted schemas describe the same number underneath. */
function innerSchema(schema: z.ZodType): z.ZodType {
  let inner = schema
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType
  return inner
}

const bounded = (value: number | undefined) =>
  value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined

const boundsCache = new WeakMap<z.ZodType, Bounds>()

/** Read through zod's own JSON Schema of the checks, once per schema. */
function boundsOf(schema: z.ZodType): Bounds {
  const known = boundsCache.get(schema)
  if (known) return known
  const json = z.toJSONSchema(innerSchema(schema)) as NumberJsonSchema
  const min = bounded(json.exclusiveMinimum ?? json.minimum)
  const max = bounded(json.exclusiveMaximum ?? json.maximum)
  const bounds: Bounds = {
    integer: json.type === 'integer',
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    minExclusive: json.exclusiveMinimum !== undefined,
    maxExclusive: json.exclusiveMaximum !== undefined,
  }
  boundsCache.set(schema, bounds)
  return bounds
}

/** The message that states both limits of a number, by which of them may be reached. */
function rangeKey(bounds: Bounds): string {
  if (bounds.min !== undefined && bounds.max !== undefined) {
    if (bounds.minExclusive) return bounds.maxExclusive ? 'open' : 'aboveAtMost'
    return bounds.maxExclusive ? 'halfOpen' : 'range'
  }
  if (bounds.min !== undefined) return bounds.minExclusive ? 'above' : 'atLeast'
  return bounds.maxExclusive ? 'below' : 'atMost'
}

/** The problem the contract's schema finds with `value`, stated with the schema's own limits. */
export function numberIssue(field: string, schema: z.ZodType, value: number): DraftIssue | null {
  if (innerSchema(schema).safeParse(value).success) return null
  const bounds = boundsOf(schema)
  if (bounds.integer && !Number.isInteger(value)) return { field, key: 'integer' }
  const values: Record<string, number> = {}
  if (bounds.min !== undefined) values.min = bounds.min
  if (bounds.max !== undefined) values.max = bounds.max
  return { field, key: rangeKey(bounds), values }
}

/** The least and most items a list schema allows. */
export function lengthBounds(schema: z.ZodType): { min: number; max: number } {
  const json = z.toJSONSchema(innerSchema(schema)) as { minItems?: number; maxItems?: number }
  return { min: json.minItems ?? 0, max: json.maxItems ?? Infinity }
}
