import { CodedError } from './coded-error'

export type PathProblem =
  'not-a-string' | 'empty' | 'nul-byte' | 'absolute' | 'parent-segment' | 'device-name' | 'outside-root'

const explanations: Record<PathProblem, string> = {
  'not-a-string': 'it is not text',
  empty: 'it is empty',
  'nul-byte': 'it contains a NUL character',
  absolute: 'it is an absolute path; only paths inside the project are allowed',
  'parent-segment': 'it contains ".." or extra folders and would leave its folder',
  'device-name': 'it uses a reserved Windows device name (CON, NUL, COM1, ...)',
  'outside-root': 'it leads outside the project folder (through a link)',
}

/** A path received from outside (API, project file) that must not be used. */
export class PathError extends CodedError<'PATH_OUTSIDE_PROJECT'> {
  readonly path: string
  readonly problem: PathProblem

  constructor(path: unknown, problem: PathProblem) {
    const shown = typeof path === 'string' ? JSON.stringify(path.replace(/\0/g, '\\0')) : String(path)
    super('PATH_OUTSIDE_PROJECT', `The path ${shown} cannot be used because ${explanations[problem]}.`)
    this.path = typeof path === 'string' ? path : String(path)
    this.problem = problem
  }
}
