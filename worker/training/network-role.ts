import type { TargetMode } from '../pipeline/target-mode'

/**
 * What one network is in its run. A run trains several: Auto's candidates, each on the main
 * validation fold and on earlier ones, several ensemble members, a refit and the final fit on
 * all the data. Structured, so every screen names it in its own language.
 */
export interface NetworkRole {
  /** Auto's candidate (absent for a run of one configuration). */
  candidate?: TargetMode
  /**
   * train: judged on the main validation part; fold: on an earlier one (`fold` ≥ 2); refit: on
   * training and validation, judged on test; final: on every point, forecasts the future;
   * backtest: before a backtest origin.
   */
  stage: 'train' | 'fold' | 'refit' | 'final' | 'backtest'
  fold?: number
  /** A panel's rolling-origin backtest: origin k of `origins` (the network trained before cut k). */
  origin?: number
  /** Backtest origins of the run; also on the networks judged on the test part, so a screen foresees them. */
  origins?: number
  /** 1-based member of an ensemble of `members`. */
  member: number
  members: number
}

const CANDIDATES: Record<TargetMode, string> = {
  level: 'Levels',
  seasonalResidual: 'Seasonal residual',
  etsResidual: 'ETS residual',
}
const STAGES = {
  train: null,
  fold: null,
  refit: 'refit on training and validation',
  final: 'final fit on all data',
  backtest: 'backtest refit',
} as const

/** The role in English, for logs and the command line (the app's screens translate the parts). */
export function describeRole(role: NetworkRole): string {
  const parts: string[] = [role.candidate ? CANDIDATES[role.candidate] : 'Network']
  if (role.stage === 'fold') parts.push(`fold ${role.fold ?? 2}`)
  const stage = STAGES[role.stage]
  if (role.stage === 'backtest' && role.origin)
    parts.push(`backtest origin ${role.origin} of ${role.origins ?? role.origin}`)
  else if (stage) parts.push(stage)
  if (role.members > 1) parts.push(`member ${role.member} of ${role.members}`)
  return parts.join(' · ')
}

/**
 * The role back from describeRole's words (a run's log.txt keeps them: the only record of which
 * network a past run's job was); null for text describeRole does not write.
 */
export function parseRole(text: string): NetworkRole | null {
  const [first, ...rest] = text.split(' · ')
  const candidate = (Object.keys(CANDIDATES) as Array<keyof typeof CANDIDATES>).find(
    (key) => CANDIDATES[key] === first,
  )
  if (!candidate && first !== 'Network') return null
  const role: NetworkRole = { ...(candidate ? { candidate } : {}), stage: 'train', member: 1, members: 1 }
  for (const part of rest) {
    const fold = /^fold (\d+)$/.exec(part)
    const member = /^member (\d+) of (\d+)$/.exec(part)
    const origin = /^backtest origin (\d+) of (\d+)$/.exec(part)
    const stage = (Object.keys(STAGES) as Array<keyof typeof STAGES>).find((key) => STAGES[key] === part)
    if (fold) Object.assign(role, { stage: 'fold', fold: Number(fold[1]) })
    else if (member) Object.assign(role, { member: Number(member[1]), members: Number(member[2]) })
    else if (origin)
      Object.assign(role, { stage: 'backtest', origin: Number(origin[1]), origins: Number(origin[2]) })
    else if (stage) role.stage = stage
    else return null
  }
  return role
}
