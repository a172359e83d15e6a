/** The help topic of a field path: list positions dropped ("layers.0.units" → "layers.units"). */
export function helpTopic(field: string): string {
  return field.replace(/\.\d+(?=\.|$)/g, '')
}

/** `aria-describedby` of a control: its help, and its issue while it has one. */
export function describedBy(helpId: string, issueId: string | null): string {
  return issueId ? `${helpId} ${issueId}` : helpId
}
