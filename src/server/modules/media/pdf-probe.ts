import { inflateSync } from 'node:zlib';

// What Herald needs to know about an uploaded PDF (LinkedIn document posts): that it is whole, and
// how many pages it has, since networks cap the pages of a document. Uploads are untrusted, so the
// reading is bounded: the bytes read, the streams inflated and the size each may inflate to.

/** PDFs beyond this are not read for their page count (networks cap documents at 100 MB). */
export const MAX_PDF_BYTES_READ = 128 * 1024 * 1024;
const MAX_OBJECT_STREAMS = 2_000;
const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/** How far around `/Type /Pages` its dictionary's `/Count` may be (a flat page tree lists every page in `/Kids`). */
const DICTIONARY_WINDOW = 64 * 1_024;

export const isPdfHead = (head: Buffer) => head.subarray(0, 5).toString('latin1') === '%PDF-';

/** Why a file that starts like a PDF cannot be taken (becomes `media.unreadable`). */
export class MalformedPdf extends Error {}

/**
 * The number of pages of a PDF, or null when the file hides it where this reader does not look
 * (the network then counts). The page tree's root holds the total as `/Count` on a `/Type /Pages`
 * dictionary, in the file itself or, since PDF 1.5, inside compressed object streams.
 */
export function pdfPageCount(bytes: Buffer): number | null {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1_024)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new MalformedPdf('the file ends before the end-of-file marker of a PDF; was the upload cut short?');
  const text = bytes.toString('latin1');
  const counts = pageTreeCounts(text);
  for (const stream of objectStreams(bytes, text)) counts.push(...pageTreeCounts(stream));
  return counts.length ? Math.max(...counts) : null;
}

/** `/Count` of every `/Type /Pages` dictionary in `text`; the largest is the whole document's. */
function pageTreeCounts(text: string): number[] {
  const counts: number[] = [];
  for (const match of text.matchAll(/\/Type\s*\/Pages\b/g)) {
    const at = match.index;
    const open = text.lastIndexOf('<<', at);
    const close = text.indexOf('>>', at);
    if (open < 0 || close < 0 || at - open > DICTIONARY_WINDOW || close - at > DICTIONARY_WINDOW) continue;
    const count = /\/Count\s+(\d{1,7})\b/.exec(text.slice(open, close));
    if (count) counts.push(Number(count[1]));
  }
  return counts;
}

/** The inflated content of the file's compressed object streams (`/Type /ObjStm`, Flate). */
function objectStreams(bytes: Buffer, text: string): string[] {
  const found: string[] = [];
  let inflatedTotal = 0;
  for (const match of text.matchAll(/\/Type\s*\/ObjStm\b/g)) {
    if (found.length >= MAX_OBJECT_STREAMS) break;
    const dictionaryEnd = text.indexOf('stream', match.index);
    if (dictionaryEnd < 0 || !/\/FlateDecode/.test(text.slice(Math.max(0, text.lastIndexOf('<<', match.index)), dictionaryEnd))) continue;
    // The data starts after the end-of-line that follows `stream`.
    let start = dictionaryEnd + 'stream'.length;
    if (text[start] === '\r') start += 1;
    if (text[start] === '\n') start += 1;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_INFLATED_BYTES - inflatedTotal });
      inflatedTotal += inflated.length;
      found.push(inflated.toString('latin1'));
    } catch {
      // A stream that does not inflate (truncated, or over the budget) is skipped: the count may
      // then be unknown, never wrong.
      if (inflatedTotal >= MAX_INFLATED_BYTES) break;
    }
  }
  return found;
}
