/**
 * The target columns a model's training.json names, whichever version wrote it: the app records
 * its `training.start` source (`source.targets`; before 0.2 `source.target` and
 * `source.extraTargets`), the command line its columns (`data.targets`; before, `data.target`
 * and `data.extraTargets`). Null when it names none. Format 1 model.json files did not name their
 * first target, so this is where it is found for them.
 */
export function recordedTargets(training: unknown): string[] | null {
  const record = training as { source?: unknown; data?: unknown } | null
  return targetsIn(record?.source) ?? targetsIn(record?.data)
}

function names(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((name): name is string => typeof name === 'string' && name !== '')
    : []
}

function targetsIn(part: unknown): string[] | null {
  if (part === null || typeof part !== 'object') return null
  const { targets, target, extraTargets } = part as Record<string, unknown>
  const listed = names(targets)
  if (listed.length > 0) return listed
  return typeof target === 'string' && target !== '' ? [target, ...names(extraTargets)] : null
}
