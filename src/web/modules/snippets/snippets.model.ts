import type { Snippet } from './snippets.api.ts';

export const snippetKinds = [
  { kind: 'hashtags', heading: 'Hashtag groups', label: 'Hashtags' },
  { kind: 'signature', heading: 'Signatures', label: 'Signature' },
  { kind: 'other', heading: 'Other texts', label: 'Other text' },
] as const;

/** The Snippets page's sections: one per kind that has snippets, in the kinds' order, names A–Z. */
export function snippetSections<S extends Pick<Snippet, 'kind' | 'name'>>(list: S[]) {
  return snippetKinds
    .map((k) => ({ ...k, items: list.filter((s) => s.kind === k.kind).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })) }))
    .filter((section) => section.items.length > 0);
}
