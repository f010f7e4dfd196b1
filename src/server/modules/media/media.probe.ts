import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../shared/errors.ts';

export type ProbeResult = {
  kind: 'image' | 'video';
  /** Detected from the bytes, never from the file name. */
  mimeType: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  videoCodec: string | null;
  frameRate: number | null;
};

export const supportedTypes = 'JPEG, PNG, GIF or WebP images, MP4 or MOV videos';

const unsupported = (found: string) =>
  new AppError('media.unsupported_type', 400, `This file is ${found}; Herald accepts ${supportedTypes}`, { field: 'file', found });
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
  return { kind: 'image', mimeType: type.mimeType, width, height, durationSeconds: null, videoCodec: null, frameRate: null };
}

/** A best-effort name for refused content, shown to the user. */
function describeUnknown(head: Buffer): string {
  const ascii = head.toString('latin1');
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return 'a WebM/Matroska video (not supported yet: convert it to MP4)';
  if (ascii.startsWith('%PDF')) return 'a PDF document';
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

type Box = { type: string; start: number; headerSize: number; size: number };

/** Boxes in `[start, end)` of the file, without reading their bodies. */
async function listBoxes(source: Source, start: number, end: number): Promise<Box[]> {
  const boxes: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    const header = await source.read(offset, 16);
    if (header.length < 8) break;
    let size = header.readUInt32BE(0);
    const type = header.subarray(4, 8).toString('latin1');
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) break;
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < headerSize) break;
    boxes.push({ type, start: offset, headerSize, size });
    offset += size;
  }
  return boxes;
}

/** Children of a box already in memory. */
function childBoxes(buffer: Buffer, start = 0, end = buffer.length): Map<string, Buffer[]> {
  const children = new Map<string, Buffer[]>();
  let offset = start;
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset);
    const type = buffer.subarray(offset + 4, offset + 8).toString('latin1');
    let headerSize = 8;
    if (size === 1 && offset + 16 <= end) {
      size = Number(buffer.readBigUInt64BE(offset + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < headerSize || offset + size > end) break;
    const list = children.get(type) ?? [];
    list.push(buffer.subarray(offset + headerSize, offset + size));
    children.set(type, list);
    offset += size;
  }
  return children;
}

const first = (boxes: Map<string, Buffer[]>, type: string) => boxes.get(type)?.[0];

/** Timescale and duration of an mvhd or mdhd box body (full box: version and flags first). */
function timeHeader(body: Buffer): { timescale: number; duration: number } | null {
  const version = body[0];
  if (version === 1 && body.length >= 32) return { timescale: body.readUInt32BE(20), duration: Number(body.readBigUInt64BE(24)) };
  if (body.length >= 20) {
    const duration = body.readUInt32BE(16);
    // All ones means "unknown".
    return { timescale: body.readUInt32BE(12), duration: duration === 0xffffffff ? 0 : duration };
  }
  return null;
}

const MAX_MOOV_BYTES = 256 * 1024 * 1024;

async function probeIsoMedia(source: Source, head: Buffer): Promise<ProbeResult> {
  const brand = head.subarray(8, 12).toString('latin1');
  if (['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis'].includes(brand)) throw unsupported(`a HEIF/AVIF image (${brand.trim()}); convert it to JPEG or PNG`);
  if (['M4A ', 'M4B ', 'M4P '].includes(brand)) throw unsupported('an audio file (M4A)');
  const mimeType = brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  const label = mimeType === 'video/quicktime' ? 'a MOV video' : 'an MP4 video';

  const boxes = await listBoxes(source, 0, source.size);
  const last = boxes.at(-1);
  if (last && last.start + last.size > source.size) throw unreadable(label, `the file ends inside its ${last.type} box; was the upload cut short?`);
  const moovBox = boxes.find((b) => b.type === 'moov');
  if (!moovBox) throw unreadable(label, 'it has no movie header (moov box); was the upload cut short?');
  if (moovBox.size > MAX_MOOV_BYTES) throw unreadable(label, 'its movie header is too large');
  if (moovBox.start + moovBox.size > source.size) throw unreadable(label, 'the file ends inside its movie header');
  const moov = childBoxes(await source.read(moovBox.start + moovBox.headerSize, moovBox.size - moovBox.headerSize));

  const movie = first(moov, 'mvhd') ? timeHeader(first(moov, 'mvhd')!) : null;
  let video: VideoTrack | null = null;
  let hasAudio = false;
  for (const trak of moov.get('trak') ?? []) {
    const track = readTrack(trak);
    if (track?.handler === 'vide' && !video) video = track;
    if (track?.handler === 'soun') hasAudio = true;
  }
  if (!video) throw unsupported(hasAudio ? `${label.replace('video', 'file')} with sound only (no video track)` : `${label.replace('video', 'file')} without a video track`);

  let durationSeconds = movie && movie.timescale > 0 && movie.duration > 0 ? movie.duration / movie.timescale : null;
  // Fragmented files keep the total in mvex/mehd; the track's own duration is the last resort.
  const mehd = first(childBoxes(first(moov, 'mvex') ?? Buffer.alloc(0)), 'mehd');
  if (!durationSeconds && mehd && movie?.timescale) {
    const total = mehd[0] === 1 ? Number(mehd.readBigUInt64BE(4)) : mehd.readUInt32BE(4);
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

function readTrack(trak: Buffer): VideoTrack | null {
  const boxes = childBoxes(trak);
  const mdia = first(boxes, 'mdia');
  if (!mdia) return null;
  const media = childBoxes(mdia);
  const hdlr = first(media, 'hdlr');
  const handler = hdlr && hdlr.length >= 12 ? hdlr.subarray(8, 12).toString('latin1') : '';
  const mdhd = first(media, 'mdhd');
  const time = mdhd ? timeHeader(mdhd) : null;
  const stbl = first(childBoxes(first(media, 'minf') ?? Buffer.alloc(0)), 'stbl');
  const table = stbl ? childBoxes(stbl) : new Map<string, Buffer[]>();

  // Sample description: the codec's four-character code, and the coded picture size.
  let codec: string | null = null;
  let codedWidth: number | null = null;
  let codedHeight: number | null = null;
  const stsd = first(table, 'stsd');
  if (stsd && stsd.length >= 16 && stsd.readUInt32BE(4) > 0) {
    const entry = stsd.subarray(8);
    codec = entry.subarray(4, 8).toString('latin1').replace(/[^\x20-\x7e]/g, '?').trim() || null;
    if (codec === 'encv' || codec === 'resv') {
      // Protected/restricted entries name the real codec in sinf/frma.
      const sinf = first(childBoxes(entry, 86, Math.min(entry.length, entry.readUInt32BE(0))), 'sinf');
      const frma = sinf ? first(childBoxes(sinf), 'frma') : undefined;
      if (frma && frma.length >= 4) codec = frma.subarray(0, 4).toString('latin1');
    }
    if (entry.length >= 36) {
      codedWidth = entry.readUInt16BE(32) || null;
      codedHeight = entry.readUInt16BE(34) || null;
    }
  }

  // Track header: the display size (16.16 fixed point) and the matrix that may rotate it.
  let width = codedWidth;
  let height = codedHeight;
  const tkhd = first(boxes, 'tkhd');
  if (tkhd) {
    const matrixAt = tkhd[0] === 1 ? 52 : 40;
    if (tkhd.length >= matrixAt + 44) {
      const displayWidth = Math.round(tkhd.readUInt32BE(matrixAt + 36) / 65536);
      const displayHeight = Math.round(tkhd.readUInt32BE(matrixAt + 40) / 65536);
      if (displayWidth > 0 && displayHeight > 0) {
        width = displayWidth;
        height = displayHeight;
      }
      // A 90° or 270° rotation (phones filming upright) swaps what the viewer sees.
      const a = tkhd.readInt32BE(matrixAt);
      const b = tkhd.readInt32BE(matrixAt + 4);
      if (a === 0 && b !== 0) [width, height] = [height, width];
    }
  }

  // Frame rate: samples per second of media time, from the decoding time-to-sample table.
  let frameRate: number | null = null;
  const stts = first(table, 'stts');
  if (stts && stts.length >= 8 && time && time.timescale > 0) {
    const entries = stts.readUInt32BE(4);
    let samples = 0;
    let ticks = 0;
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
