import type { Snippet } from './snippets.api.ts';

/** The kinds in the order the page lists them; `heading` and `label` are keys of the snippets namespace. */
export const snippetKinds = [
  { kind: 'hashtags', heading: 'kinds.hashtags.heading', label: 'kinds.hashtags.label' },
  { kind: 'signature', heading: 'kinds.signature.heading', label: 'kinds.signature.label' },
  { kind: 'other', heading: 'kinds.other.heading', label: 'kinds.other.label' },
] as const;

/** The Snippets page's sections: one per kind that has snippets, in the kinds' order, names A–Z in the interface's language. */
export function snippetSections<S extends Pick<Snippet, 'kind' | 'name'>>(list: S[], locale?: string) {
  return snippetKinds
    .map((k) => ({ ...k, items: list.filter((s) => s.kind === k.kind).sort((a, b) => a.name.localeCompare(b.name, locale, { sensitivity: 'base' })) }))
    .filter((section) => section.items.length > 0);
}
