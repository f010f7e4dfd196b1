/**
 * The first words of a post, to name it where there is no room for all of it (a notification, the
 * Activity page). Cut at a word boundary; an empty post reads "Untitled post".
 */
export function postExcerpt(content: { parts?: { text?: string }[] } | null | undefined, maxLength = 60): string {
  const text = (content?.parts ?? []).map((p) => p.text ?? '').join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return 'Untitled post';
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
