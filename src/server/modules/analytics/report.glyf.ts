/* eslint-disable no-restricted-syntax -- x and y are a glyph's coordinates here, not the X network */
import type { Font, PathCommand } from 'fontkit';

// The CJK fonts are variable WOFF2 files (every weight in one file: a tenth of the static files'
// size), and fontkit 2.0 (pdfkit's font engine) cannot embed one at a weight: it unpacks a WOFF2
// file's glyphs without applying the weight, its subsets copy each glyph's record from the file
// (a WOFF2 file stores them transformed, so the copy is not a glyph record), and its writer for
// glyphs at a weight fails (it hands restructure 3 a length where a buffer is expected). So for
// those fonts the weight is applied to the unpacked glyphs here, and every glyph of a subset is
// written here: a TrueType simple glyph (OpenType spec, 'glyf' table) from the outline fontkit
// computes, with the parts of a composite glyph merged into it.

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

type Point = { x: number; y: number; on: boolean };

/** The contours of an outline made of moves, lines and quadratic curves (what TrueType outlines give), in whole font units. */
function contoursOf(commands: PathCommand[]): Point[][] {
  const contours: Point[][] = [];
  let current: Point[] = [];
  const close = () => {
    // The outline returns to its start with a point on it: TrueType closes contours by itself.
    const first = current[0];
    const last = current.at(-1);
    if (first && last && current.length > 1 && last.on && first.on && last.x === first.x && last.y === first.y) current.pop();
    if (current.length) contours.push(current);
    current = [];
  };
  const point = (x: number, y: number, on: boolean) => current.push({ x: Math.round(x), y: Math.round(y), on });
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      point(args[0]!, args[1]!, true);
    } else if (command === 'lineTo') point(args[0]!, args[1]!, true);
    else if (command === 'quadraticCurveTo') {
      point(args[0]!, args[1]!, false);
      point(args[2]!, args[3]!, true);
    } else if (command === 'closePath') close();
    else throw new Error(`a TrueType outline has no ${command}`);
  }
  close();
  return contours;
}

/** One coordinate delta: a byte with its sign in the flags when it fits, else two bytes; nothing when unchanged. */
function delta(value: number, short: number, sameOrPositive: number, bytes: number[]): number {
  if (value === 0) return sameOrPositive;
  if (Math.abs(value) < 256) {
    bytes.push(Math.abs(value));
    return short | (value > 0 ? sameOrPositive : 0);
  }
  bytes.push((value >> 8) & 0xff, value & 0xff);
  return 0;
}

/** The glyph's 'glyf' record (no hinting instructions: a PDF viewer does not need them), padded to 4 bytes, and its left edge. */
export function encodeSimpleGlyph(commands: PathCommand[]): { bytes: Uint8Array; xMin: number } {
  const contours = contoursOf(commands);
  const points = contours.flat();
  if (!points.length) return { bytes: new Uint8Array(0), xMin: 0 };
  const xMin = Math.min(...points.map((p) => p.x));
  const flags: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  let x = 0;
  let y = 0;
  for (const p of points) {
    let flag = p.on ? ON_CURVE : 0;
    flag |= delta(p.x - x, X_SHORT, X_SAME_OR_POSITIVE, xs);
    flag |= delta(p.y - y, Y_SHORT, Y_SAME_OR_POSITIVE, ys);
    flags.push(flag);
    x = p.x;
    y = p.y;
  }
  const header = 10 + 2 * contours.length + 2;
  const size = header + flags.length + xs.length + ys.length;
  const out = new Uint8Array(size + ((4 - (size % 4)) % 4));
  const view = new DataView(out.buffer);
  view.setInt16(0, contours.length);
  view.setInt16(2, xMin);
  view.setInt16(4, Math.min(...points.map((p) => p.y)));
  view.setInt16(6, Math.max(...points.map((p) => p.x)));
  view.setInt16(8, Math.max(...points.map((p) => p.y)));
  let end = -1;
  contours.forEach((contour, i) => {
    end += contour.length;
    view.setUint16(10 + 2 * i, end);
  });
  view.setUint16(header - 2, 0);
  out.set(flags, header);
  out.set(xs, header + flags.length);
  out.set(ys, header + flags.length + xs.length);
  return { bytes: out, xMin };
}

/** What fontkit's TrueType subset keeps while it writes the glyphs (fontkit/src/subset/TTFSubset.js). */
type TrueTypeSubset = {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(glyphId: number): number;
};

/** What fontkit keeps of a WOFF2 file's unpacked glyphs (fontkit/src/WOFF2Font.js, glyph/TTFGlyph.js). */
type GlyphPoint = { x: number; y: number; onCurve: boolean; endContour: boolean };
type UnpackedGlyph = { points?: GlyphPoint[]; components?: { dx: number; dy: number }[] } | null;
/** A point as fontkit's variation code takes it (it copies them, and reads where contours end). */
const variedPoint = (p: GlyphPoint): GlyphPoint & { copy(): GlyphPoint } => ({ x: p.x, y: p.y, onCurve: p.onCurve, endContour: p.endContour, copy: () => variedPoint(p) });
type VariableWoff2 = {
  _transformGlyfTable(): void;
  _transformedGlyphs: UnpackedGlyph[];
  _variationProcessor: { transformPoints(glyphId: number, points: GlyphPoint[]): void } | null;
};

/**
 * Sets a variable WOFF2 font to `font.variationCoords` for good: its glyphs are moved to that
 * weight as fontkit unpacks them (what it does itself for TrueType files). The four points after
 * a glyph's own stand for its metrics (the "phantom points" the variation data counts on); the
 * advance widths come from the font's HVAR table, which fontkit does apply.
 */
export function applyWeightToWoff2(font: Font) {
  const internals = font as unknown as VariableWoff2;
  const unpack = internals._transformGlyfTable.bind(font);
  internals._transformGlyfTable = () => {
    unpack();
    const variation = internals._variationProcessor;
    if (!variation) return;
    internals._transformedGlyphs.forEach((glyph, glyphId) => {
      const own = glyph?.points ?? glyph?.components?.map((c) => ({ x: c.dx, y: c.dy, onCurve: true, endContour: true }));
      if (!glyph || !own?.length) return;
      const points = [...own, ...Array.from({ length: 4 }, () => ({ x: 0, y: 0, onCurve: false, endContour: true }))].map(variedPoint);
      variation.transformPoints(glyphId, points);
      own.forEach((_, i) => {
        if (glyph.points) Object.assign(glyph.points[i]!, { x: points[i]!.x, y: points[i]!.y });
        else Object.assign(glyph.components![i]!, { dx: points[i]!.x, dy: points[i]!.y });
      });
    });
  };
}

/** Makes the subsets pdfkit asks `font` for write every glyph from its outline (see above). */
export function writeGlyphsFromOutlines(font: Font) {
  // fontkit keeps one object per glyph, with the characters of the call that made it. Reading a
  // composite glyph's outline makes its parts without characters ("é" makes "e"), and a later
  // text with "e" would get that object: pdfkit would write no character for it into the PDF's
  // text (copying and searching would lose the letter). The characters are filled in then.
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (glyphId, characters = []) => {
    const glyph = getGlyph(glyphId, characters);
    if (glyph && !glyph.codePoints.length && characters.length) glyph.codePoints = characters;
    return glyph;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as unknown as TrueTypeSubset;
    subset._addGlyph = (glyphId) => {
      const glyph = font.getGlyph(glyphId);
      const { bytes, xMin } = encodeSimpleGlyph(glyph.path.commands);
      subset.glyf.push(bytes);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: xMin });
      subset.offset += bytes.length;
      return subset.glyf.length - 1;
    };
    return subset as unknown as ReturnType<Font['createSubset']>;
  };
}
