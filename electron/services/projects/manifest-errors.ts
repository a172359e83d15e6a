import type { z } from 'zod'

/** "Expected ',' ... at position 42" → line and column a person can find in an editor. */
export function describeJsonSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const match = /position (\d+)/.exec(message)
  const position = match ? Number(match[1]) : text.length
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '')
  return `it is not valid JSON at line ${line}, column ${column} (character ${position}): ${reason}`
}

function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  let formatted = ''
  for (const key of path) {
    if (typeof key === 'number') formatted += `[${key}]`
    else formatted += formatted === '' ? String(key) : `.${String(key)}`
  }
  return formatted === '' ? '(the whole file)' : formatted
}

/** Names the fields that are wrong, e.g. `field "datasets[0].storedFile": Invalid input: expected string`. */
export function describeSchemaError(error: z.ZodError, maxIssues = 3): string {
  const described = error.issues
    .slice(0, maxIssues)
    .map((issue) => `field "${formatFieldPath(issue.path)}": ${issue.message}`)
  const more =
    error.issues.length > maxIssues ? ` (and ${error.issues.length - maxIssues} more problems)` : ''
  return `${described.join('; ')}${more}`
}
