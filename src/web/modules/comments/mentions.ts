export type Mentionable = { userId: string; name: string };

/** The `@word` being typed just before the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members whose name (any of its words) starts with what was typed, best first, at most `limit`. */
export function matchingMembers<T extends Mentionable>(members: T[], query: string, limit = 6): T[] {
  const q = query.toLocaleLowerCase();
  const starts = (m: T) => m.name.toLocaleLowerCase().startsWith(q);
  const wordStarts = (m: T) => m.name.toLocaleLowerCase().split(/\s+/).some((w) => w.startsWith(q));
  return [...members.filter(starts), ...members.filter((m) => !starts(m) && wordStarts(m))].slice(0, limit);
}

/** Replaces the `@query` at `start` with the member's name, and answers the new text and caret. */
export function insertMention(text: string, at: { start: number; query: string }, member: Mentionable): { text: string; caret: number } {
  const inserted = `@${member.name} `;
  const end = at.start + 1 + at.query.length;
  const rest = text.slice(end).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}

/** The chosen mentions still present in the text (a mention deleted from the text is not sent). */
export function mentionsStillIn(text: string, chosen: Mentionable[]): string[] {
  return [...new Set(chosen.filter((m) => text.includes(`@${m.name}`)).map((m) => m.userId))];
}

/** The body split into plain text and the mentions in it, to show mentions apart. */
export function splitMentions(body: string, mentions: Mentionable[]): ({ text: string } | { mention: Mentionable })[] {
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const out: ({ text: string } | { mention: Mentionable })[] = [];
  let plain = '';
  for (let i = 0; i < body.length; ) {
    const hit = body[i] === '@' ? names.find((m) => body.startsWith(`@${m.name}`, i)) : undefined;
    if (hit) {
      if (plain) out.push({ text: plain });
      plain = '';
      out.push({ mention: hit });
      i += hit.name.length + 1;
    } else {
      plain += body[i];
      i += 1;
    }
  }
  if (plain) out.push({ text: plain });
  return out;
}
