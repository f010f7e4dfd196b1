import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Metadata } from 'sharp';
import { AppError } from '../shared/errors.ts';
import { isPdfHead, MalformedPdf, MAX_PDF_BYTES_READ, pdfPageCount } from './pdf-probe.ts';

export type ProbeResult = {
  kind: 'image' | 'video' | 'document';
  /** Detected from the bytes, never from the file name. */
  mimeType: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  videoCodec: string | null;
  frameRate: number | null;
  /** Documents: their pages, when the file says (null: not found, the network counts). */
  pageCount: number | null;
};

export const supportedTypes = 'JPEG, PNG, GIF or WebP images, MP4 or MOV videos, PDF documents';

const unsupported = (found: string) =>
  new AppError('media.unsupported_type', 400, `This file is ${found}; Herald accepts ${supportedTypes}`, { field: 'file', found }, { accepted: supportedTypes });
const unreadable = (found: string, reason: string) =>
  new AppError('media.unreadable', 400, `This file looks like ${found} but cannot be read: ${reason}`, { field: 'file', found, reason });

/** Random access to the bytes being probed: a file on disk (videos can be gigabytes) or a buffer. */
type Source = { size: number; read(offset: number, length: number): Promise<Buffer>; image: string | Buffer };

async function openSource(input: string | Buffer | Readable): Promise<{ source: Source; close(): Promise<void> }> {
  if (typeof input === 'string') {
    const handle = await fsp.open(input, 'r');
    const { size } = await handle.stat();
    return {
      source: {
        size,
        image: input,
        async read(offset, length) {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
          return buffer.subarray(0, bytesRead);
        },
      },
      close: () => handle.close(),
    };
  }
  const buffer = Buffer.isBuffer(input) ? input : await collect(input);
  return {
    source: { size: buffer.length, image: buffer, read: async (offset, length) => buffer.subarray(offset, offset + length) },
    close: async () => undefined,
  };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/**
 * What a file is, by its content: JPEG/PNG/GIF/WebP images (read by sharp) and MP4/MOV videos
 * (ISO base media files, whose headers are read here). Everything else is refused with
 * `media.unsupported_type`, naming what was found.
 */
export async function probeMedia(input: string | Buffer | Readable): Promise<ProbeResult> {
  const { source, close } = await openSource(input);
  try {
    if (source.size === 0) throw unsupported('empty');
    const head = await source.read(0, 64);
    const image = imageType(head);
    if (image) return await probeImage(source, image);
    if (head.subarray(4, 8).toString('latin1') === 'ftyp') return await probeIsoMedia(source, head);
    if (isPdfHead(head)) return await probePdf(source);
    throw unsupported(describeUnknown(head));
  } finally {
    await close();
  }
}

function imageType(head: Buffer): { mimeType: string; format: string; label: string } | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mimeType: 'image/jpeg', format: 'jpeg', label: 'a JPEG image' };
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mimeType: 'image/png', format: 'png', label: 'a PNG image' };
  const ascii6 = head.subarray(0, 6).toString('latin1');
  if (ascii6 === 'GIF87a' || ascii6 === 'GIF89a') return { mimeType: 'image/gif', format: 'gif', label: 'a GIF image' };
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return { mimeType: 'image/webp', format: 'webp', label: 'a WebP image' };
  return null;
}

async function probeImage(source: Source, type: { mimeType: string; format: string; label: string }): Promise<ProbeResult> {
  // sharp, a native library, is loaded on first use rather than at start-up (ADR 0024).
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    meta = await sharp(source.image, { failOn: 'error' }).metadata();
  } catch (error) {
    throw unreadable(type.label, error instanceof Error ? error.message : String(error));
  }
  if (meta.format !== type.format || !meta.width || !meta.height) throw unreadable(type.label, 'no image dimensions found');
  // What people see: a portrait photo stored sideways with an EXIF orientation is portrait.
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height;
  return { kind: 'image', mimeType: type.mimeType, width, height, durationSeconds: null, videoCodec: null, frameRate: null, pageCount: null };
}

async function probePdf(source: Source): Promise<ProbeResult> {
  let pageCount: number | null = null;
  try {
    if (source.size <= MAX_PDF_BYTES_READ) pageCount = pdfPageCount(await source.read(0, source.size));
    else pdfPageCount(await source.read(source.size - 1_024, 1_024));
  } catch (error) {
    if (error instanceof MalformedPdf) throw unreadable('a PDF document', error.message);
    throw error;
  }
  if (source.size > MAX_PDF_BYTES_READ) pageCount = null;
  return { kind: 'document', mimeType: 'application/pdf', width: null, height: null, durationSeconds: null, videoCodec: null, frameRate: null, pageCount };
}

/** A best-effort name for refused content, shown to the user. */
function describeUnknown(head: Buffer): string {
  const ascii = head.toString('latin1');
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return 'a WebM/Matroska video (not supported yet: convert it to MP4)';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive (or an Office document)';
  if (ascii.startsWith('BM')) return 'a BMP image';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'a TIFF image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'AVI ') return 'an AVI video';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WAVE') return 'a WAV audio file';
  if (ascii.startsWith('ID3') || starts([0xff, 0xfb])) return 'an MP3 audio file';
  if (ascii.startsWith('OggS')) return 'an Ogg file';
  if (/^\s*<(\?xml|svg)/i.test(ascii)) return 'an SVG/XML document';
  const text = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) || b >= 0x80);
  return text ? 'text' : 'an unknown binary format';
}

// --- ISO base media files (MP4, MOV) -------------------------------------------------------------
//
// Uploads are untrusted, so every step of the walk is bounded: the number of boxes visited (top
// level and inside the movie header), the bytes of the movie header held in memory, and the
// nesting (only a fixed path of known containers is entered). Headers are read through a window,
// so many small boxes cost few reads. Every field read is bounds-checked: a box too short for its
// version is a malformed file (400 media.unreadable), never a RangeError.

/** Top-level boxes visited; real files have a handful, fragmented ones a few per second of video. */
const MAX_TOP_LEVEL_BOXES = 10_000;
/** Boxes visited inside the movie header (a real one has a few dozen per track). */
const MAX_MOVIE_HEADER_BOXES = 10_000;
/** Containers entered below moov: trak, mdia, minf, stbl, stsd entry, sinf (a fixed path); a guard. */
const MAX_DEPTH = 8;
/** A 10-hour 60 fps video's sample tables fit in a few tens of MB. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
const HEADER_WINDOW_BYTES = 64 * 1024;

/** Why a file that claims to be MP4/MOV cannot be read; becomes `media.unreadable` with this reason. */
class MalformedMedia extends Error {}

type BoxHeader = { type: string; start: number; headerSize: number; size: number };

const fourcc = (bytes: Buffer, at: number) => bytes.subarray(at, at + 4).toString('latin1').replace(/[^\x20-\x7e]/g, '?');

/**
 * The header of the box at `start` (its first bytes in `bytes`), which must end by `end` (its
 * parent's end, or the end of the file). Size 0 means "to the end of the parent"; size 1 means a
 * 64-bit size follows.
 */
function readBoxHeader(bytes: Buffer, start: number, end: number): BoxHeader {
  const type = fourcc(bytes, 4);
  let size = bytes.readUInt32BE(0);
  let headerSize = 8;
  if (size === 1) {
    if (bytes.length < 16 || start + 16 > end) throw new MalformedMedia(`its ${type} box is cut off in its header`);
    const large = bytes.readBigUInt64BE(8);
    if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedMedia(`its ${type} box declares an impossible size`);
    size = Number(large);
    headerSize = 16;
  } else if (size === 0) {
    size = end - start;
  }
  if (size < headerSize) throw new MalformedMedia(`its ${type} box declares an impossible size (${size} bytes)`);
  return { type, start, headerSize, size };
}

/** Box headers of a file on disk, read through a window rather than one read per box. */
function headerReader(source: Source) {
  let window: Buffer = Buffer.alloc(0);
  let windowStart = 0;
  return async (offset: number): Promise<Buffer> => {
    const windowEnd = windowStart + window.length;
    const inside = offset >= windowStart && (offset + 16 <= windowEnd || (windowEnd >= source.size && offset < windowEnd));
    if (!inside) {
      window = await source.read(offset, HEADER_WINDOW_BYTES);
      windowStart = offset;
    }
    return window.subarray(offset - windowStart, offset - windowStart + 16);
  };
}

/** Where the movie header is, after checking the top-level boxes fit the file. */
async function findMovieHeader(source: Source): Promise<BoxHeader> {
  const headerAt = headerReader(source);
  let moov: BoxHeader | null = null;
  let visited = 0;
  let offset = 0;
  while (offset + 8 <= source.size) {
    visited += 1;
    if (visited > MAX_TOP_LEVEL_BOXES) {
      // The rest (fragments) is not needed for the facts; only the truncation check is skipped.
      if (moov) break;
      throw new MalformedMedia(`it has more than ${MAX_TOP_LEVEL_BOXES} boxes and no movie header (moov box) among them`);
    }
    const box = readBoxHeader(await headerAt(offset), offset, source.size);
    if (box.start + box.size > source.size) throw new MalformedMedia(`the file ends inside its ${box.type} box; was the upload cut short?`);
    if (box.type === 'moov' && !moov) moov = box;
    offset += box.size;
  }
  if (!moov) throw new MalformedMedia('it has no movie header (moov box); was the upload cut short?');
  return moov;
}

type Box = { type: string; body: Buffer };
type Walk = { boxesLeft: number };

/** The boxes inside `body[from, to)`, the content of a box already in memory. */
function childBoxes(walk: Walk, depth: number, parent: string, body: Buffer, from = 0, to = body.length): Box[] {
  if (depth > MAX_DEPTH) throw new MalformedMedia(`its boxes are nested more than ${MAX_DEPTH} deep`);
  const boxes: Box[] = [];
  let offset = from;
  // Fewer than 8 bytes left is padding some writers leave; it holds no box.
  while (offset + 8 <= to) {
    walk.boxesLeft -= 1;
    if (walk.boxesLeft < 0) throw new MalformedMedia(`its movie header has more than ${MAX_MOVIE_HEADER_BOXES} boxes`);
    const box = readBoxHeader(body.subarray(offset, Math.min(offset + 16, to)), offset, to);
    if (offset + box.size > to) throw new MalformedMedia(`its ${box.type} box runs past the end of its ${parent} box`);
    boxes.push({ type: box.type, body: body.subarray(offset + box.headerSize, offset + box.size) });
    offset += box.size;
  }
  return boxes;
}

const first = (boxes: Box[], type: string) => boxes.find((b) => b.type === type)?.body;

/** Bounds-checked reads of a box body: a short box is a malformed file, named in the refusal. */
function fieldsOf(body: Buffer, box: string) {
  const need = (at: number, bytes: number) => {
    if (at + bytes > body.length) throw new MalformedMedia(`its ${box} box is too short (${body.length} bytes, at least ${at + bytes} needed)`);
  };
  return {
    length: body.length,
    u8: (at: number) => (need(at, 1), body.readUInt8(at)),
    u16: (at: number) => (need(at, 2), body.readUInt16BE(at)),
    u32: (at: number) => (need(at, 4), body.readUInt32BE(at)),
    i32: (at: number) => (need(at, 4), body.readInt32BE(at)),
    /** 64-bit values beyond 2^53 are "unknown" for durations: 0. */
    u64: (at: number) => {
      need(at, 8);
      const value = body.readBigUInt64BE(at);
      return value > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(value);
    },
    fourcc: (at: number) => (need(at, 4), fourcc(body, at)),
  };
}

/** Timescale and duration of an mvhd or mdhd box body (full box: version and flags first). */
function timeHeader(body: Buffer, box: string): { timescale: number; duration: number } {
  const f = fieldsOf(body, box);
  if (f.u8(0) === 1) return { timescale: f.u32(20), duration: f.u64(24) };
  const duration = f.u32(16);
  // All ones means "unknown".
  return { timescale: f.u32(12), duration: duration === 0xffffffff ? 0 : duration };
}

async function probeIsoMedia(source: Source, head: Buffer): Promise<ProbeResult> {
  const brand = head.subarray(8, 12).toString('latin1');
  if (['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis'].includes(brand)) throw unsupported(`a HEIF/AVIF image (${brand.trim()}); convert it to JPEG or PNG`);
  if (['M4A ', 'M4B ', 'M4P '].includes(brand)) throw unsupported('an audio file (M4A)');
  const mimeType = brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  const label = mimeType === 'video/quicktime' ? 'a MOV video' : 'an MP4 video';
  try {
    return await readMovie(source, mimeType, label);
  } catch (error) {
    if (error instanceof MalformedMedia) throw unreadable(label, error.message);
    // A read the checks above missed is still a malformed file, not a server error.
    if (error instanceof RangeError) throw unreadable(label, 'its headers are malformed');
    throw error;
  }
}

async function readMovie(source: Source, mimeType: string, label: string): Promise<ProbeResult> {
  const moovBox = await findMovieHeader(source);
  if (moovBox.size > MAX_MOOV_BYTES) throw new MalformedMedia('its movie header is too large');
  const walk: Walk = { boxesLeft: MAX_MOVIE_HEADER_BOXES };
  const moov = childBoxes(walk, 1, 'moov', await source.read(moovBox.start + moovBox.headerSize, moovBox.size - moovBox.headerSize));

  const mvhd = first(moov, 'mvhd');
  const movie = mvhd ? timeHeader(mvhd, 'mvhd') : null;
  let video: VideoTrack | null = null;
  let hasAudio = false;
  for (const trak of moov.filter((b) => b.type === 'trak')) {
    const track = readTrack(walk, trak.body);
    if (track?.handler === 'vide' && !video) video = track;
    if (track?.handler === 'soun') hasAudio = true;
  }
  if (!video) throw unsupported(hasAudio ? `${label.replace('video', 'file')} with sound only (no video track)` : `${label.replace('video', 'file')} without a video track`);

  let durationSeconds = movie && movie.timescale > 0 && movie.duration > 0 ? movie.duration / movie.timescale : null;
  // Fragmented files keep the total in mvex/mehd; the track's own duration is the last resort.
  const mvex = first(moov, 'mvex');
  const mehd = mvex ? first(childBoxes(walk, 2, 'mvex', mvex), 'mehd') : undefined;
  if (!durationSeconds && mehd && movie?.timescale) {
    const f = fieldsOf(mehd, 'mehd');
    const total = f.u8(0) === 1 ? f.u64(4) : f.u32(4);
    if (total > 0) durationSeconds = total / movie.timescale;
  }
  if (!durationSeconds && video.duration > 0 && video.timescale > 0) durationSeconds = video.duration / video.timescale;

  return {
    kind: 'video',
    mimeType,
    width: video.width,
    height: video.height,
    durationSeconds: durationSeconds === null ? null : round(durationSeconds, 3),
    videoCodec: video.codec,
    frameRate: video.frameRate === null ? null : round(video.frameRate, 3),
    pageCount: null,
  };
}

type VideoTrack = {
  handler: string;
  timescale: number;
  duration: number;
  width: number | null;
  height: number | null;
  codec: string | null;
  frameRate: number | null;
};

/** A track's handler; for a video track also its size, codec, duration and frame rate. */
function readTrack(walk: Walk, trak: Buffer): VideoTrack | null {
  const boxes = childBoxes(walk, 2, 'trak', trak);
  const mdia = first(boxes, 'mdia');
  if (!mdia) return null;
  const media = childBoxes(walk, 3, 'mdia', mdia);
  const hdlr = first(media, 'hdlr');
  const handler = hdlr ? fieldsOf(hdlr, 'hdlr').fourcc(8) : '';
  const none = { handler, timescale: 0, duration: 0, width: null, height: null, codec: null, frameRate: null };
  // Only the video track's details are used; other tracks are not read further.
  if (handler !== 'vide') return none;
  const mdhd = first(media, 'mdhd');
  const time = mdhd ? timeHeader(mdhd, 'mdhd') : null;
  const minf = first(media, 'minf');
  const stbl = minf ? first(childBoxes(walk, 4, 'minf', minf), 'stbl') : undefined;
  const table = stbl ? childBoxes(walk, 5, 'stbl', stbl) : [];

  // Sample description: the codec's four-character code, and the coded picture size.
  let codec: string | null = null;
  let codedWidth: number | null = null;
  let codedHeight: number | null = null;
  const stsd = first(table, 'stsd');
  if (stsd && fieldsOf(stsd, 'stsd').u32(4) > 0) {
    const described = fieldsOf(stsd, 'stsd');
    const entrySize = described.u32(8);
    if (entrySize < 16 || 8 + entrySize > stsd.length) throw new MalformedMedia('its stsd box has a sample entry that does not fit in it');
    const entry = stsd.subarray(8, 8 + entrySize);
    const f = fieldsOf(entry, 'sample entry');
    codec = f.fourcc(4).trim() || null;
    if (codec === 'encv' || codec === 'resv') {
      // Protected/restricted entries name the real codec in sinf/frma (after the 78 bytes of the visual entry).
      const sinf = first(childBoxes(walk, 6, codec, entry, 86), 'sinf');
      const frma = sinf ? first(childBoxes(walk, 7, 'sinf', sinf), 'frma') : undefined;
      if (frma) codec = fieldsOf(frma, 'frma').fourcc(0);
    }
    codedWidth = f.u16(32) || null;
    codedHeight = f.u16(34) || null;
  }

  // Track header: the display size (16.16 fixed point) and the matrix that may rotate it.
  let width = codedWidth;
  let height = codedHeight;
  const tkhd = first(boxes, 'tkhd');
  if (tkhd) {
    const f = fieldsOf(tkhd, 'tkhd');
    const matrixAt = f.u8(0) === 1 ? 52 : 40;
    const displayWidth = Math.round(f.u32(matrixAt + 36) / 65536);
    const displayHeight = Math.round(f.u32(matrixAt + 40) / 65536);
    if (displayWidth > 0 && displayHeight > 0) {
      width = displayWidth;
      height = displayHeight;
    }
    // A 90° or 270° rotation (phones filming upright) swaps what the viewer sees.
    const a = f.i32(matrixAt);
    const b = f.i32(matrixAt + 4);
    if (a === 0 && b !== 0) [width, height] = [height, width];
  }

  // Frame rate: samples per second of media time, from the decoding time-to-sample table.
  let frameRate: number | null = null;
  const stts = first(table, 'stts');
  if (stts && time && time.timescale > 0) {
    const entries = fieldsOf(stts, 'stts').u32(4);
    let samples = 0;
    let ticks = 0;
    // The declared count is not trusted: the loop stops at the end of the box.
    for (let i = 0; i < entries && 8 + i * 8 + 8 <= stts.length; i += 1) {
      const count = stts.readUInt32BE(8 + i * 8);
      samples += count;
      ticks += count * stts.readUInt32BE(12 + i * 8);
    }
    if (samples > 0 && ticks > 0) frameRate = (samples * time.timescale) / ticks;
  }

  return { handler, timescale: time?.timescale ?? 0, duration: time?.duration ?? 0, width, height, codec, frameRate };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
