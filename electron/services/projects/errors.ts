import { CodedError } from '../storage/coded-error'
import type { LockOwner } from '../storage/lock-owner'

export type ProjectErrorCode =
  | 'PROJECT_NOT_FOUND'
  | 'PROJECT_DAMAGED'
  | 'PROJECT_TOO_NEW'
  | 'PROJECT_LOCKED'
  | 'PROJECT_READ_ONLY'
  | 'PROJECT_EXISTS'
  | 'PROJECT_CLOSED'
  | 'CONFIRMATION_REQUIRED'
  | 'RECORD_NOT_FOUND'
  | 'DUPLICATE_RECORD'
  | 'CACHE_DAMAGED'

export class ProjectError extends CodedError<ProjectErrorCode> {}

export class ProjectNotFoundError extends ProjectError {
  constructor(readonly projectPath: string) {
    super(
      'PROJECT_NOT_FOUND',
      `No LSTM Studio project was found at ${projectPath} (there is no project.json).`,
      { details: { path: projectPath } },
    )
  }
}

export class ProjectDamagedError extends ProjectError {
  constructor(
    readonly filePath: string,
    readonly detail: string,
    cause?: unknown,
  ) {
    super('PROJECT_DAMAGED', `The project file ${filePath} is damaged: ${detail}`, {
      cause,
      details: { path: filePath },
    })
  }
}

export class ProjectTooNewError extends ProjectError {
  constructor(
    readonly filePath: string,
    readonly foundVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      'PROJECT_TOO_NEW',
      `This project was made by a newer LSTM Studio (project format version ${foundVersion}); ` +
        `this one reads up to version ${supportedVersion}. Please update LSTM Studio to open it.`,
      { details: { path: filePath } },
    )
  }
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'another LSTM Studio window'
  return `LSTM Studio (process ${owner.pid} on ${owner.hostname}, since ${owner.acquiredAt})`
}

export class ProjectLockedError extends ProjectError {
  constructor(
    readonly projectPath: string,
    readonly lockedBy: LockOwner | null,
  ) {
    super(
      'PROJECT_LOCKED',
      `The project at ${projectPath} is open for editing in ${describeOwner(lockedBy)}. ` +
        'Close it there, or open it read-only.',
      { details: { path: projectPath } },
    )
  }
}

export class ProjectReadOnlyError extends ProjectError {
  constructor(readonly projectPath: string) {
    super('PROJECT_READ_ONLY', `The project at ${projectPath} is open read-only, so it cannot be changed.`, {
      details: { path: projectPath },
    })
  }
}

export class ProjectExistsError extends ProjectError {
  constructor(readonly projectPath: string) {
    super(
      'PROJECT_EXISTS',
      `A folder named ${projectPath} already exists; choose another name or location.`,
      {
        details: { path: projectPath },
      },
    )
  }
}

export class ProjectClosedError extends ProjectError {
  constructor(readonly projectPath: string) {
    super('PROJECT_CLOSED', `The project at ${projectPath} has been closed; open it again to continue.`, {
      details: { path: projectPath },
    })
  }
}

export class ConfirmationRequiredError extends ProjectError {
  constructor(readonly projectName: string) {
    super(
      'CONFIRMATION_REQUIRED',
      `Deleting "${projectName}" needs confirmation: pass confirm: true and the project's exact name or id.`,
    )
  }
}

export class RecordNotFoundError extends ProjectError {
  constructor(kind: string, id: string) {
    super('RECORD_NOT_FOUND', `The project has no ${kind} with id "${id}".`)
  }
}

export class DuplicateRecordError extends ProjectError {
  constructor(kind: string, id: string) {
    super('DUPLICATE_RECORD', `The project already has a ${kind} with id "${id}".`)
  }
}

export class CacheDamagedError extends ProjectError {
  constructor(
    readonly filePath: string,
    detail: string,
  ) {
    super(
      'CACHE_DAMAGED',
      `The dataset cache ${filePath} is damaged (${detail}); it will be rebuilt from the data file.`,
    )
  }
}
