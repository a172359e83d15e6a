import type { DataColumn } from './types'

/** `covariate` is known only up to now (past covariate); `futureCovariate` is known ahead (a calendar, a planned price). */
export type ColumnRole = 'time' | 'target' | 'covariate' | 'futureCovariate' | 'ignored'

/** Default roles: the time column, the first numeric column as target, other numerics as covariates, text ignored. */
export function defaultColumnRoles(
  columns: ReadonlyArray<Pick<DataColumn, 'name' | 'kind'>>,
): Record<string, ColumnRole> {
  const roles: Record<string, ColumnRole> = {}
  let targetChosen = false
  for (const column of columns) {
    if (column.kind === 'time') roles[column.name] = 'time'
    else if (column.kind === 'text') roles[column.name] = 'ignored'
    else {
      roles[column.name] = targetChosen ? 'covariate' : 'target'
      targetChosen = true
    }
  }
  return roles
}
