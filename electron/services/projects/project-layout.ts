import path from 'node:path'

/** Names inside a project folder; docs/project-format.md describes each. */
export const PROJECT_FILE = 'project.json'
export const LOCK_FILE = '.lock'
export const DATA_DIR = 'data'
export const MODELS_DIR = 'models'
export const RUNS_DIR = 'runs'
export const FORECASTS_DIR = 'forecasts'
export const PROJECT_SUBFOLDERS = [DATA_DIR, MODELS_DIR, RUNS_DIR, FORECASTS_DIR] as const

export const RUN_CONFIG_FILE = 'config.json'
export const RUN_LOG_FILE = 'log.txt'

export function manifestPath(projectDir: string): string {
  return path.join(projectDir, PROJECT_FILE)
}

export function lockPath(projectDir: string): string {
  return path.join(projectDir, LOCK_FILE)
}
