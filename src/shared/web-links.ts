// Links Herald stores and shows (a post's address at its network, typed by a person or returned by
// the network) become `href`s in the web app: only absolute http(s) addresses are ever kept, so a
// `javascript:` or `data:` value can never turn into a script in someone's browser.

// The URL parser silently drops tabs, newlines and surrounding control characters, so a value with
// any of them is refused before parsing rather than repaired.
const hasControlCharacter = (value: string) => [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** The reason `value` is not an absolute http(s) link, or null when it is one. */
export function httpLinkProblem(value: string): string | null {
  if (hasControlCharacter(value)) return 'must not contain control characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a link to the post (https://…)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https link';
  if (!url.hostname) return 'must name a host';
  return null;
}

/** `value` when it is an absolute http(s) link, otherwise null. */
export function httpLinkOrNull(value: string | null | undefined): string | null {
  return typeof value === 'string' && httpLinkProblem(value) === null ? value : null;
}
