export function formatDateTime(value: string | Date): string {
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Chrome 156 on Linux" is enough to recognise a device; the full string is in the title. */
export function shortUserAgent(ua: string | null | undefined): string {
  if (!ua) return 'Unknown device';
  const browser = /(Edg|OPR|Firefox|Chrome|Safari)\/(\d+)/.exec(ua);
  const os = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(ua);
  if (!browser && !os) return ua.length > 40 ? `${ua.slice(0, 40)}…` : ua;
  const name = browser ? `${{ Edg: 'Edge', OPR: 'Opera' }[browser[1]!] ?? browser[1]} ${browser[2]}` : 'Browser';
  return os ? `${name} on ${os[1] === 'Mac OS X' ? 'macOS' : os[1]}` : name;
}

export const roleLabel = (role: string | null | undefined) => (role ? role[0]!.toUpperCase() + role.slice(1) : '—');
