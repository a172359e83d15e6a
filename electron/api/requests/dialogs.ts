import { z } from 'zod'
import { defineRequest } from '../define'

export const dialogRequests = {
  'dialogs.pick': defineRequest<{ path: string | null }>()(
    "The desktop's native picker for a CSV file or a project folder (null when cancelled). Only the desktop app has one: in the browser the user types the path.",
    z.object({ kind: z.enum(['csvFile', 'projectFolder']) }).strict(),
  ),
}
