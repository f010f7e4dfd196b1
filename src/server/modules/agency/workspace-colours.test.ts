import { describe, expect, it } from 'vitest';
import { workspaceColour, workspacePalette } from './workspace-colours.ts';

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('workspace colours', () => {
  it('carry white text at 4.5:1 or more', () => {
    for (const colour of workspacePalette) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('are the same for the same id and spread over the palette', () => {
    expect(workspaceColour('ws-1')).toBe(workspaceColour('ws-1'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => workspaceColour(crypto.randomUUID() + i)));
    expect(used.size).toBe(workspacePalette.length);
  });
});
