import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { box, buildMp4, u32 } from '../../../../test/helpers/mp4.ts';
import { buildPdf } from '../../../../test/helpers/pdf.ts';
import { AppError } from '../shared/errors.ts';
import { probeMedia } from './media.probe.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-probe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function onDisk(bytes: Buffer): string {
  const file = path.join(dir, `f${(files += 1)}`);
  fs.writeFileSync(file, bytes);
  return file;
}

async function refusal(input: string | Buffer): Promise<AppError> {
  const error = await probeMedia(input).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const containers = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'mvex']);
type Node = { type: string; body: Buffer; children?: Node[] };

/** Just enough of a box parser to rewrite one box of a built file (well-formed input only). */
function parse(bytes: Buffer): Node[] {
  const nodes: Node[] = [];
  for (let at = 0; at + 8 <= bytes.length; ) {
    const size = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const body = bytes.subarray(at + 8, at + size);
    nodes.push(containers.has(type) ? { type, body, children: parse(body) } : { type, body });
    at += size;
  }
  return nodes;
}
const serialize = (nodes: Node[]): Buffer => Buffer.concat(nodes.map((n) => box(n.type, n.children ? serialize(n.children) : n.body)));

/** The file with the first box of `type` (anywhere) given a new body. */
function withBody(file: Buffer, type: string, change: (body: Buffer) => Buffer): Buffer {
  let done = false;
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (done) return;
      if (node.type === type) {
        node.body = change(node.body);
        delete node.children;
        done = true;
      } else if (node.children) visit(node.children);
    }
  };
  const tree = parse(file);
  visit(tree);
  if (!done) throw new Error(`no ${type} box`);
  return serialize(tree);
}

const video = () => buildMp4({ durationSeconds: 4, width: 1280, height: 720, frameRate: 25 });

describe('MP4 probe', () => {
  it('reads a real small MP4, a MOV, a rotated one and one with the movie header at the end', async () => {
    expect(await probeMedia(onDisk(video()))).toEqual({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 1280,
      height: 720,
      durationSeconds: 4,
      videoCodec: 'avc1',
      frameRate: 25,
      pageCount: null,
    });
    expect(await probeMedia(onDisk(buildMp4({ durationSeconds: 2, width: 640, height: 480, frameRate: 30, brand: 'qt  ', codec: 'hvc1' })))).toMatchObject({
      mimeType: 'video/quicktime',
      videoCodec: 'hvc1',
      durationSeconds: 2,
    });
    expect(await probeMedia(onDisk(buildMp4({ durationSeconds: 3, width: 1920, height: 1080, frameRate: 30, rotate90: true, moovAtEnd: true })))).toMatchObject({
      width: 1080,
      height: 1920,
      durationSeconds: 3,
    });
  });

  it('takes the duration of a fragmented file from mehd (version 0 and 1)', async () => {
    const v0 = Buffer.concat([u32(0), u32(7500)]);
    const v1 = Buffer.concat([Buffer.from([1, 0, 0, 0]), u32(0), u32(9000)]);
    expect((await probeMedia(buildMp4({ durationSeconds: 4, width: 320, height: 240, frameRate: 25, mehd: v0 }))).durationSeconds).toBe(7.5);
    expect((await probeMedia(buildMp4({ durationSeconds: 4, width: 320, height: 240, frameRate: 25, mehd: v1 }))).durationSeconds).toBe(9);
  });

  it('refuses a mehd shorter than its version needs with 400 media.unreadable, not a RangeError', async () => {
    const short = Buffer.from([1, 0, 0, 0, 0, 0, 0, 5]);
    const error = await refusal(onDisk(buildMp4({ durationSeconds: 4, width: 320, height: 240, frameRate: 25, mehd: short })));
    expect(error).toMatchObject({ code: 'media.unreadable', status: 400, details: { field: 'file', found: 'an MP4 video' } });
    expect(error.message).toMatch(/mehd box is too short/);
  });

  it.each(['mvhd', 'tkhd', 'mdhd', 'hdlr', 'stsd', 'stts'])('refuses a %s box too short for its fields with 400', async (type) => {
    const error = await refusal(withBody(video(), type, (body) => body.subarray(0, 6)));
    expect(error).toMatchObject({ code: 'media.unreadable', status: 400 });
    expect(error.message).toContain(type === 'stsd' ? 'stsd' : `${type} box is too short`);
  });

  it('refuses boxes whose size field is impossible or runs past their parent', async () => {
    const ftyp = box('ftyp', Buffer.from('isom'), u32(512), Buffer.from('isom'));
    const tooSmall = Buffer.concat([ftyp, u32(3), Buffer.from('free'), Buffer.alloc(8)]);
    expect((await refusal(onDisk(tooSmall))).message).toMatch(/free box declares an impossible size \(3 bytes\)/);
    const shortLarge = Buffer.concat([ftyp, u32(1), Buffer.from('mdat'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 9]), Buffer.alloc(16)]);
    expect((await refusal(onDisk(shortLarge))).message).toMatch(/mdat box declares an impossible size/);
    const cutShort = video().subarray(0, 300);
    expect((await refusal(onDisk(cutShort))).message).toMatch(/ends inside its moov box/);
    // tkhd claims more bytes than its trak holds.
    const overrun = withBody(video(), 'trak', (body) => {
      const copy = Buffer.from(body);
      copy.writeUInt32BE(copy.readUInt32BE(0) + 10_000, 0);
      return copy;
    });
    expect((await refusal(onDisk(overrun))).message).toMatch(/tkhd box runs past the end of its trak box/);
  });

  it('accepts size 0 (to the end of the file) and 64-bit sizes', async () => {
    const file = buildMp4({ durationSeconds: 2, width: 320, height: 240, frameRate: 25 });
    const mdatAt = file.indexOf('mdat') - 4;
    const toEnd = Buffer.from(file);
    toEnd.writeUInt32BE(0, mdatAt);
    expect((await probeMedia(onDisk(toEnd))).durationSeconds).toBe(2);
    const payload = file.subarray(mdatAt + 8);
    const large = Buffer.concat([file.subarray(0, mdatAt), u32(1), Buffer.from('mdat'), Buffer.alloc(4), u32(16 + payload.length), payload]);
    expect((await probeMedia(onDisk(large))).width).toBe(320);
  });

  it('refuses 32 MB of ftyp + empty 8-byte boxes in well under a second, with bounded memory', async () => {
    const ftyp = box('ftyp', Buffer.from('isom'), u32(512), Buffer.from('isom'));
    const size = 32 * 1024 * 1024;
    const bytes = Buffer.alloc(size);
    ftyp.copy(bytes);
    for (let at = ftyp.length; at + 8 <= size; at += 8) {
      bytes.writeUInt32BE(8, at);
      bytes.write('free', at + 4, 'latin1');
    }
    const file = onDisk(bytes);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const error = await refusal(file);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(error).toMatchObject({ code: 'media.unreadable', status: 400 });
    expect(error.message).toMatch(/more than 10000 boxes/);
    expect(wallMs).toBeLessThan(2000);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops counting fragments once the movie header is found', async () => {
    const file = buildMp4({ durationSeconds: 2, width: 320, height: 240, frameRate: 25 });
    const fragments = Buffer.concat(Array.from({ length: 20_000 }, () => box('free')));
    expect((await probeMedia(onDisk(Buffer.concat([file, fragments])))).durationSeconds).toBe(2);
  });
});

describe('PDF probe', () => {
  it('takes a PDF as a document with its page count, in the file or in a compressed object stream', async () => {
    expect(await probeMedia(onDisk(buildPdf({ pages: 12 })))).toEqual({
      kind: 'document',
      mimeType: 'application/pdf',
      width: null,
      height: null,
      durationSeconds: null,
      videoCodec: null,
      frameRate: null,
      pageCount: 12,
    });
    expect(await probeMedia(onDisk(buildPdf({ pages: 301, objectStreams: true })))).toMatchObject({ kind: 'document', pageCount: 301 });
  });

  it('answers an unknown page count rather than a wrong one when the page tree is not readable', async () => {
    const pdf = buildPdf({ pages: 3 }).toString('latin1').replace('/Type /Pages', '/Type /Other');
    expect(await probeMedia(Buffer.from(pdf, 'latin1'))).toMatchObject({ kind: 'document', pageCount: null });
  });

  it('refuses a PDF cut short (no end-of-file marker) as unreadable, naming why', async () => {
    const whole = buildPdf({ pages: 2 });
    const error = await refusal(onDisk(whole.subarray(0, whole.length - 40)));
    expect(error.code).toBe('media.unreadable');
    expect(error.message).toMatch(/PDF.*cut short/);
  });
});
