import { z } from 'zod'
import { projectManifestSchema } from '../../api/records'
import type { ProjectManifestV3 } from './manifest-v3'

/**
 * project.json as LSTM Studio wrote it in format version 2: the records of today, with each run's
 * `training.start` settings in the vocabulary of 0.1 (a first target apart from the further ones,
 * split fractions beside the split sizes).
 */
export const projectManifestV2Schema = projectManifestSchema.extend({ formatVersion: z.literal(2) })

export type ProjectManifestV2 = z.infer<typeof projectManifestV2Schema>

type Json = Record<string, unknown>

function objectOrNull(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null
}

/** 0.15 → { percent: 15 }, without the float noise of 0.15 × 100. */
function percentOf(fraction: unknown): { percent: number } | undefined {
  return typeof fraction === 'number' ? { percent: Number((fraction * 100).toPrecision(12)) } : undefined
}

/** `target` and `extraTargets` become one `targets` list, in the same order. */
function sourceTargets(source: Json): Json {
  const { target, extraTargets, ...rest } = source
  if (target === undefined) return source
  return { ...rest, targets: [target, ...(Array.isArray(extraTargets) ? extraTargets : [])] }
}

/**
 * A run's settings in format 3's terms: `source.target` and `source.extraTargets` become
 * `source.targets`; `source.validationFraction` and `forecasting.testFraction` become
 * `forecasting.validation` and `forecasting.test` in %, unless the run already gave those sizes
 * (which won over the fractions). Settings of any other shape are kept as they are.
 */
export function runConfigV3(config: Json): Json {
  const source = objectOrNull(config.source)
  const forecasting = objectOrNull(config.forecasting)
  if (!source && !forecasting) return config
  const { validationFraction, ...sourceV3 } = sourceTargets(source ?? {})
  const { testFraction, ...forecastingV3 } = forecasting ?? {}
  const validation = forecastingV3.validation ?? percentOf(validationFraction)
  const test = forecastingV3.test ?? percentOf(testFraction)
  return {
    ...config,
    ...(source ? { source: sourceV3 } : {}),
    forecasting: {
      ...forecastingV3,
      ...(validation === undefined ? {} : { validation }),
      ...(test === undefined ? {} : { test }),
    },
  }
}

export function migrateV2ToV3(v2: ProjectManifestV2): ProjectManifestV3 {
  return {
    ...v2,
    formatVersion: 3,
    runs: v2.runs.map((run) => ({ ...run, config: runConfigV3(run.config) })),
  }
}
