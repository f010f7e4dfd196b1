/**
 * The text after inserting a snippet, and where the caret goes. Hashtags and other snippets go at
 * the caret (replacing a selection), with a space on either side where a word would otherwise
 * touch them; a signature goes at the end, after a blank line.
 */
export function insertSnippet(text: string, selection: { start: number; end: number } | null, snippet: { text: string; kind: string }): { text: string; caret: number } {
  if (snippet.kind === 'signature') {
    const body = text.replace(/\s+$/, '');
    const next = body ? `${body}\n\n${snippet.text}` : snippet.text;
    return { text: next, caret: next.length };
  }
  const start = Math.max(0, Math.min(selection?.start ?? text.length, text.length));
  const end = Math.max(start, Math.min(selection?.end ?? start, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^\s/.test(after) ? ' ' : '';
  const inserted = `${lead}${snippet.text}${trail}`;
  return { text: `${before}${inserted}${after}`, caret: before.length + inserted.length };
}
