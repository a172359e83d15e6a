import os from 'node:os'
import path from 'node:path'
import { isHomePath } from '../../api/requests/common'

/** A path the API accepted as the user gave it, with a leading `~` made the home folder. */
export function expandHome(given: string): string {
  if (!isHomePath(given)) return given
  return path.join(os.homedir(), given.slice(1))
}
