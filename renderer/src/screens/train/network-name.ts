import type { TrainingCandidate } from '../../../../electron/api/requests/training-auto'

type NetworkRole = TrainingCandidate['role']

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A run's network named in the interface's language, e.g. "Seasonal residual · fold 2 · member 3 of 5". */
export function networkName(role: NetworkRole, t: Translate): string {
  const parts = [t(`train.network.${role.candidate ?? 'plain'}`)]
  if (role.stage === 'fold') parts.push(t('train.network.fold', { fold: role.fold ?? 2 }))
  if (role.stage === 'backtest' && role.origin)
    parts.push(
      t('train.network.backtestOrigin', { origin: role.origin, origins: role.origins ?? role.origin }),
    )
  else if (role.stage === 'refit' || role.stage === 'final' || role.stage === 'backtest')
    parts.push(t(`train.network.${role.stage}`))
  if (role.members > 1) parts.push(t('train.network.member', { member: role.member, members: role.members }))
  return parts.join(' · ')
}
