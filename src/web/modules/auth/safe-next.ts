/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** `?next=` for links between the sign-in pages; omitted when it would lead home anyway. */
export function withNext(path: string, next: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (next !== '/') params.set('next', next);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
