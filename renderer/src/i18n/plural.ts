/**
 * Index of the form to use in 'singular | plural' (or 'zero | one | many') French messages:
 * French counts 0 and 1 as singular ("0 époque"), unlike vue-i18n's default English rule.
 */
export function frenchPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice)
  if (choicesLength === 3) return n === 0 ? 0 : n === 1 ? 1 : 2
  return n < 2 ? 0 : 1
}
