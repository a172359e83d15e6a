import type { EvaluatedTarget } from './target-view'

/** What a saved chart shows, as its title: dataset · target · model (the dataset left out when unknown). */
export function chartTitle(evaluation: Pick<EvaluatedTarget, 'dataset' | 'target' | 'name'>): string {
  return [evaluation.dataset?.name, evaluation.target, evaluation.name]
    .filter((part): part is string => Boolean(part))
    .join(' · ')
}
