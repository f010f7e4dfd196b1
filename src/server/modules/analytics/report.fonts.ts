import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { create, Font } from 'fontkit';
import { applyWeightToWoff2, writeGlyphsFromOutlines } from './report.glyf.ts';

// The client report's fonts (docs/adr/0018-client-report-pdf.md): Noto fonts from npm packages,
// read from node_modules when the first PDF is drawn, so that post texts, workspace and channel
// names in any script print instead of "?". pdfkit embeds only the glyphs a PDF uses.
//
// The @fontsource packages cut each font into files by Unicode ranges (their unicode.json says
// which file holds which characters): only the files a report's text needs are read. Static
// fonts are read from their WOFF files (fontkit embeds those as they are); the CJK fonts are
// variable WOFF2 files (every weight in one file), see report.glyf.ts. Noto Emoji comes whole
// (its sequences, such as flags and families, are ligatures across characters that the cut
// files would separate).

// Resolved from this file, not the working directory: the same from src/ and from the bundle in
// dist/server (bin/server-bundle.js keeps packages outside it and points import.meta.url here).
const require = createRequire(import.meta.url);

export type FontStyle = 'regular' | 'bold' | 'italic';

type CutFamily = { kind: 'cut'; pkg: string; id: string; variable: boolean; italic: boolean };
type WholeFamily = { kind: 'whole'; pkg: string; files: Record<'regular' | 'bold', string> };
type Family = CutFamily | WholeFamily;

const cut = (pkg: string, options: { variable?: boolean; italic?: boolean } = {}): CutFamily => ({
  kind: 'cut',
  pkg,
  id: pkg.slice(pkg.indexOf('/') + 1),
  variable: options.variable ?? false,
  italic: options.italic ?? false,
});

/** Latin, Greek, Cyrillic, Vietnamese and Devanagari: the text's own font, the only one with an italic. */
const main = cut('@fontsource/noto-sans', { italic: true });
const arabic = cut('@fontsource/noto-sans-arabic');
const hebrew = cut('@fontsource/noto-sans-hebrew');
const scripts = [arabic, hebrew, cut('@fontsource/noto-sans-thai')];
const chinese = cut('@fontsource-variable/noto-sans-sc', { variable: true });
const japanese = cut('@fontsource-variable/noto-sans-jp', { variable: true });
const korean = cut('@fontsource-variable/noto-sans-kr', { variable: true });
const emoji: WholeFamily = { kind: 'whole', pkg: '@expo-google-fonts/noto-emoji', files: { regular: '400Regular/NotoEmoji_400Regular.ttf', bold: '700Bold/NotoEmoji_700Bold.ttf' } };

/** The npm packages the report's fonts come from (the ADR lists their licences and sizes). */
export const reportFontPackages = [main, ...scripts, chinese, japanese, korean, emoji].map((f) => f.pkg);

/** A font file ready for pdfkit: `name` is what the document registers it under; `rtl` for Arabic and Hebrew. */
export type Face = { name: string; font: Font; rtl: boolean };

const faces = new Map<string, Face>();
const rangesOf = new Map<string, { file: string; ranges: [number, number][] }[]>();

/** Which file of a cut family holds which characters: its unicode.json, "U+0-ff,U+131,…" by file. */
function pieces(family: CutFamily) {
  let known = rangesOf.get(family.pkg);
  if (!known) {
    const table = JSON.parse(fs.readFileSync(require.resolve(`${family.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    known = Object.entries(table).map(([file, list]) => ({
      file: file.replace(/^\[(.*)\]$/, '$1'),
      ranges: list.split(',').map((range) => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      }),
    }));
    rangesOf.set(family.pkg, known);
  }
  return known;
}

/** Reads a font file once; a variable one (the CJK fonts, WOFF2) is set to the weight, its glyphs written by report.glyf.ts. */
function open(path: string, weight: number | null, rtl = false): Face {
  const key = `${path}@${weight ?? ''}`;
  let face = faces.get(key);
  if (!face) {
    const fontkit = require('fontkit') as { create: typeof create };
    const font = fontkit.create(fs.readFileSync(require.resolve(path)));
    if (weight !== null && font.fvar) {
      // fontkit reads a variable font's glyphs at these axis values (set before the first glyph is read).
      font.variationCoords = font.fvar.axis.map((axis) => (axis.axisTag.trim() === 'wght' ? Math.min(axis.maxValue, Math.max(axis.minValue, weight)) : axis.defaultValue));
      applyWeightToWoff2(font);
      writeGlyphsFromOutlines(font);
    }
    // pdfkit treats two fonts of one PostScript name and checksum as the same font, but the
    // files of a cut family share both: each gets a name of its own.
    const name = `${font.postscriptName}-H${faces.size + 1}`;
    Object.defineProperty(font, 'postscriptName', { value: name });
    face = { name, font, rtl };
    faces.set(key, face);
  }
  return face;
}

/** The face of `family` for `style` that has a glyph for every character of `codePoints`, or null. */
function faceOf(family: Family, style: FontStyle, codePoints: number[]): Face | null {
  const weight = style === 'bold' ? 700 : 400;
  let face: Face;
  if (family.kind === 'whole') face = open(`${family.pkg}/${family.files[style === 'bold' ? 'bold' : 'regular']}`, null);
  else {
    const base = codePoints[0]!;
    const piece = pieces(family).find((p) => p.ranges.some(([from, to]) => base >= from && base <= to));
    if (!piece) return null;
    const italic = style === 'italic' && family.italic;
    const file = family.variable ? `${family.id}-${piece.file}-wght-normal.woff2` : `${family.id}-${piece.file}-${weight}-${italic ? 'italic' : 'normal'}.woff`;
    face = open(`${family.pkg}/files/${file}`, family.variable ? weight : null, family === arabic || family === hebrew);
  }
  return codePoints.every((c) => face.font.hasGlyphForCodePoint(c)) ? face : null;
}

// Characters a font may lack without harm: joiners and variation selectors only steer the ones around them.
const steering = /\u200c|\u200d|\ufe0e|\ufe0f/u;
const emojiLike = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{fe0f}|\u{20e3}/u;
// Spaces and punctuation keep the font of the text around them, so a phrase in Arabic or Hebrew
// stays one run, which fontkit orders right to left as a whole (pdfkit has no bidi of its own).
// After such a phrase they go with what follows: its last word stays at its left end. Digits
// are left to right even there, so they only stay with a left-to-right run.
const neutral = /^[\p{White_Space}\p{P}]+$/u;
const digits = /^\p{N}+$/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const hangul = /\p{Script=Hangul}/u;
// A skin-tone modifier: Noto Emoji has no toned glyphs (it is one colour), it would fold the
// tone into the plain hand and the PDF's text would lose it: the tone is drawn as its swatch.
const skinTone = /[\u{1f3fb}-\u{1f3ff}]/u;

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The fonts to try for a cluster, in order: Han characters in a text with kana or hangul take the Japanese or Korean shapes. */
function familiesFor(cluster: string, cjkFirst: CutFamily): Family[] {
  const cjk = [cjkFirst, ...[chinese, japanese, korean].filter((f) => f !== cjkFirst)];
  return emojiLike.test(cluster) ? [emoji, main, ...scripts, ...cjk] : [main, ...scripts, ...cjk, emoji];
}

/** The main font's face for `style`: what a text no font has, or an empty one, is set in. */
export const mainFace = (style: FontStyle): Face => faceOf(main, style, [0x20])!;

export type Run = { face: Face; text: string };

/**
 * Splits `text` into runs of one face each: every character cluster (a letter with its marks, an
 * emoji sequence, a flag) goes whole to the first face with glyphs for all of it; a cluster no
 * font has goes to the main font, which draws its "missing" box but keeps the text.
 */
export function splitIntoRuns(text: string, style: FontStyle): Run[] {
  const cjkFirst = kana.test(text) ? japanese : hangul.test(text) ? korean : chinese;
  const runs: Run[] = [];
  const has = (face: Face, piece: string) => [...piece].every((c) => face.font.hasGlyphForCodePoint(c.codePointAt(0)!));
  // A skin tone starts a run of its own, so that fontkit does not fold it into the hand.
  const push = (face: Face, piece: string, alone = false) => {
    const last = runs.at(-1);
    if (last && last.face === face && !alone) last.text += piece;
    else runs.push({ face, text: piece });
  };
  let waiting = '';
  for (const { segment } of segmenter.segment(text)) {
    const last = runs.at(-1);
    if (last && (neutral.test(segment) || (!last.face.rtl && digits.test(segment))) && has(last.face, segment)) {
      if (!last.face.rtl) last.text += segment;
      else waiting += segment;
      continue;
    }
    const parts = skinTone.test(segment) ? segment.split(/(?=[\u{1f3fb}-\u{1f3ff}])/u) : [segment];
    parts.forEach((piece, i) => {
      const codePoints = [...piece].filter((c) => !steering.test(c)).map((c) => c.codePointAt(0)!);
      let face: Face | null = null;
      for (const family of codePoints.length ? familiesFor(piece, cjkFirst) : [main]) {
        face = faceOf(family, style, codePoints.length ? codePoints : [0x20]);
        if (face) break;
      }
      face ??= mainFace(style);
      if (waiting) {
        if (face === runs.at(-1)?.face || has(face, waiting)) piece = waiting + piece;
        else push(mainFace(style), waiting);
        waiting = '';
      }
      push(face, piece, i > 0);
    });
  }
  if (waiting) push(runs.at(-1)!.face, waiting);
  return runs;
}
