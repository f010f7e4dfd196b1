// Each workspace gets one colour in the agency view, derived from its id so it stays the same on
// every device and every visit without being stored. The palette is fixed: each colour carries
// white text at a contrast of at least 4.5:1 (WCAG AA), and works as a side stripe on white.

export const workspacePalette = [
  '#1d4ed8', // blue
  '#047857', // emerald
  '#b91c1c', // red
  '#7e22ce', // purple
  '#0e7490', // cyan
  '#be185d', // pink
  '#c2410c', // orange
  '#4338ca', // indigo
  '#0f766e', // teal
  '#a16207', // amber
  '#4d7c0f', // olive
  '#57534e', // stone
] as const;

/** FNV-1a over the id: cheap, stable across processes and versions (unlike a random pick). */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function workspaceColour(workspaceId: string): string {
  return workspacePalette[hashId(workspaceId) % workspacePalette.length]!;
}
