// A minimal but well-formed MP4/MOV (ISO base media file) with one video track, so tests have real
// video files without ffmpeg: ftyp, moov (mvhd, trak with tkhd/mdia/mdhd/hdlr/minf/stbl and an
// avc1/hvc1 sample entry), mdat. The samples are filler bytes: players would not decode them, but
// every header a probe reads is what a real encoder writes.

export type Mp4Options = {
  durationSeconds: number;
  width: number;
  height: number;
  frameRate: number;
  codec?: 'avc1' | 'hvc1' | 'hev1';
  /** `qt  ` makes a QuickTime (.mov) file. */
  brand?: 'isom' | 'mp42' | 'qt  ';
  /** Pad the samples so the whole file is exactly this many bytes. */
  totalBytes?: number;
  /** Write moov after mdat (what cameras do; "fast start" files have it first). */
  moovAtEnd?: boolean;
  /** Stored landscape with a 90° display matrix, as phones filming upright do. */
  rotate90?: boolean;
  /**
   * Written as moov/mvex/mehd (the total duration of a fragmented file), with the movie header's
   * own duration left at 0 as fragmented files do. The bytes are the box body, as given: tests
   * pass short ones to check malformed files are refused.
   */
  mehd?: Buffer;
};

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const zeros = (n: number) => Buffer.alloc(n);
const ascii = (s: string) => Buffer.from(s, 'latin1');

export const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(8 + body.length), ascii(type), body]);
};
const fullBox = (type: string, version: number, flags: number, ...parts: Buffer[]) =>
  box(type, u8(version), Buffer.from([(flags >> 16) & 0xff, (flags >> 8) & 0xff, flags & 0xff]), ...parts);

const matrix = (rotate90: boolean) =>
  rotate90
    ? Buffer.concat([i32(0), i32(0x10000), i32(0), i32(-0x10000), i32(0), i32(0), i32(0), i32(0), i32(0x40000000)])
    : Buffer.concat([i32(0x10000), i32(0), i32(0), i32(0), i32(0x10000), i32(0), i32(0), i32(0), i32(0x40000000)]);

export function buildMp4(options: Mp4Options): Buffer {
  const codec = options.codec ?? 'avc1';
  const brand = options.brand ?? 'isom';
  const rotate90 = options.rotate90 ?? false;
  // 90 kHz media clock: 23.976, 29.97, 24, 25, 30, 50 and 60 fps all have whole-tick frames.
  const mediaTimescale = 90000;
  const delta = Math.round(mediaTimescale / options.frameRate);
  const frames = Math.max(1, Math.round(options.durationSeconds * options.frameRate));
  const movieTimescale = 1000;
  const movieDuration = Math.round(((frames * delta) / mediaTimescale) * movieTimescale);

  const ftyp = box('ftyp', ascii(brand), u32(brand === 'qt  ' ? 0x20050300 : 512), ascii(brand), ascii('isom'), ascii('iso2'), ascii(codec), ascii('mp41'));

  const moovWith = (chunkOffset: number, sizes: number[]) => {
    const mvhd = fullBox('mvhd', 0, 0, u32(0), u32(0), u32(movieTimescale), u32(options.mehd ? 0 : movieDuration), u32(0x10000), u16(0x100), zeros(10), matrix(false), zeros(24), u32(2));
    const tkhd = fullBox(
      'tkhd',
      0,
      3,
      u32(0),
      u32(0),
      u32(1),
      u32(0),
      u32(movieDuration),
      zeros(8),
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      matrix(rotate90),
      u32(options.width * 0x10000),
      u32(options.height * 0x10000),
    );
    const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(mediaTimescale), u32(frames * delta), u16(0x55c4), u16(0));
    const hdlr = fullBox('hdlr', 0, 0, u32(0), ascii('vide'), zeros(12), ascii('VideoHandler\0'));
    const config =
      codec === 'avc1'
        ? box('avcC', Buffer.from([1, 0x64, 0, 0x1f, 0xff, 0xe1]), u16(4), Buffer.from([0x67, 0x64, 0, 0x1f]), u8(1), u16(4), Buffer.from([0x68, 0xeb, 0xe3, 0xcb]))
        : box('hvcC', u8(1), zeros(21), u8(0));
    const sampleEntry = box(
      codec,
      zeros(6),
      u16(1),
      zeros(16),
      u16(options.width),
      u16(options.height),
      u32(0x00480000),
      u32(0x00480000),
      u32(0),
      u16(1),
      zeros(32),
      u16(0x18),
      u16(0xffff),
      config,
    );
    const stsd = fullBox('stsd', 0, 0, u32(1), sampleEntry);
    const stts = fullBox('stts', 0, 0, u32(1), u32(frames), u32(delta));
    const stss = fullBox('stss', 0, 0, u32(1), u32(1));
    const stsc = fullBox('stsc', 0, 0, u32(1), u32(1), u32(frames), u32(1));
    const stsz = fullBox('stsz', 0, 0, u32(0), u32(frames), ...sizes.map(u32));
    const stco = fullBox('stco', 0, 0, u32(1), u32(chunkOffset));
    const stbl = box('stbl', stsd, stts, stss, stsc, stsz, stco);
    const vmhd = fullBox('vmhd', 0, 1, zeros(8));
    const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
    const minf = box('minf', vmhd, dinf, stbl);
    const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, minf));
    return options.mehd ? box('moov', mvhd, trak, box('mvex', box('mehd', options.mehd))) : box('moov', mvhd, trak);
  };

  // Sample sizes: small filler, or whatever reaches totalBytes (the last sample takes the rest).
  const sizes = new Array<number>(frames).fill(16);
  const headerBytes = ftyp.length + moovWith(0, sizes).length + 8;
  if (options.totalBytes !== undefined) {
    const available = options.totalBytes - headerBytes;
    if (available < frames) throw new Error(`totalBytes too small for ${frames} frames`);
    const each = Math.floor(available / frames);
    sizes.fill(each);
    sizes[frames - 1] = available - each * (frames - 1);
  }
  const payload = sizes.reduce((a, b) => a + b, 0);
  const mdatHeader = Buffer.concat([u32(8 + payload), ascii('mdat')]);
  const samples = Buffer.alloc(payload, 0x2a);

  if (options.moovAtEnd) {
    const moov = moovWith(ftyp.length + 8, sizes);
    return Buffer.concat([ftyp, mdatHeader, samples, moov]);
  }
  const moov = moovWith(ftyp.length + moovWith(0, sizes).length + 8, sizes);
  return Buffer.concat([ftyp, moov, mdatHeader, samples]);
}
