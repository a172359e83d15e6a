import type { EvaluatedTarget } from './target-view'

/**
 * What a saved chart shows, as its title: dataset · target · model. Models are named
 * "stack · targets" (see save-model.ts); the targets part is left out of the model's name, so
 * the target is said once.
 */
export function chartTitle(evaluation: Pick<EvaluatedTarget, 'dataset' | 'target' | 'name'>): string {
  const listsTarget = (part: string) => part.split(', ').includes(evaluation.target)
  const model = evaluation.name
    .split(' · ')
    .filter((part) => !listsTarget(part))
    .join(' · ')
  return [evaluation.dataset?.name, evaluation.target, model].filter((part) => Boolean(part)).join(' · ')
}
