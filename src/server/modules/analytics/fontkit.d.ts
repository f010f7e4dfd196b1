// The part of fontkit (pdfkit's font engine) the client report uses; the package ships no types.
declare module 'fontkit' {
  export type PathCommand = { command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'; args: number[] };
  export type Glyph = { id: number; codePoints: number[]; advanceWidth: number; path: { commands: PathCommand[] } };
  export type Subset = { includeGlyph(glyph: number): number };
  export type Font = {
    postscriptName: string;
    unitsPerEm: number;
    /** The hhea ascent, in font units. */
    ascent: number;
    /** Axis values (in the fvar table's order) the glyphs are read at; null for the font's defaults. */
    variationCoords: number[] | null;
    fvar?: { axis: { axisTag: string; minValue: number; defaultValue: number; maxValue: number }[] };
    hasGlyphForCodePoint(codePoint: number): boolean;
    getGlyph(glyphId: number, characters?: number[]): Glyph;
    layout(text: string, features?: string[] | Record<string, boolean>): { glyphs: Glyph[]; advanceWidth: number };
    createSubset(): Subset;
  };
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
