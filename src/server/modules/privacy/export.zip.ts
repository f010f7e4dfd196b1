import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';

// A small ZIP writer (PKWARE APPNOTE 6.3): local file headers, central directory, end record. JSON
// and text are deflated in memory; media files are streamed in stored form with a data
// descriptor, so a large video never sits in memory. No ZIP64: an archive is refused past 4 GiB.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), continued from `previous` for data read in chunks. */
export function crc32(data: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i += 1) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

const MAX_32 = 0xffffffff;
const FLAG_UTF8 = 0x0800;
const FLAG_DATA_DESCRIPTOR = 0x0008;

type Entry = { name: Buffer; flags: number; method: number; crc: number; compressedSize: number; size: number; offset: number; time: number; date: number };

function dosDateTime(at: Date) {
  const time = (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2);
  const date = ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  return { time, date };
}

function localHeader(e: Entry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(e.flags, 6);
  header.writeUInt16LE(e.method, 8);
  header.writeUInt16LE(e.time, 10);
  header.writeUInt16LE(e.date, 12);
  header.writeUInt32LE(e.crc, 14);
  header.writeUInt32LE(e.compressedSize, 18);
  header.writeUInt32LE(e.size, 22);
  header.writeUInt16LE(e.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, e.name]);
}

function centralHeader(e: Entry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(e.flags, 8);
  header.writeUInt16LE(e.method, 10);
  header.writeUInt16LE(e.time, 12);
  header.writeUInt16LE(e.date, 14);
  header.writeUInt32LE(e.crc, 16);
  header.writeUInt32LE(e.compressedSize, 20);
  header.writeUInt32LE(e.size, 24);
  header.writeUInt16LE(e.name.length, 28);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
  header.writeUInt32LE(e.offset, 42);
  return Buffer.concat([header, e.name]);
}

export type ZipWriter = {
  /** Adds a file from memory, deflated. */
  addFile(name: string, data: Buffer | string): Promise<void>;
  /** Adds a file read from a stream, stored as is (media are compressed already). */
  addStream(name: string, source: Readable): Promise<void>;
  /** Writes the central directory and closes the file; answers the archive's size. */
  finish(): Promise<number>;
  /** Closes the file without finishing it (after a failure). */
  abort(): Promise<void>;
};

/** A ZIP written to `file` (created; an existing file is an error). */
export async function createZipWriter(file: string, options: { now?: Date } = {}): Promise<ZipWriter> {
  const handle = await fsp.open(file, 'wx', 0o600);
  const stamp = dosDateTime(options.now ?? new Date());
  const entries: Entry[] = [];
  const names = new Set<string>();
  let offset = 0;

  const write = async (data: Buffer) => {
    if (offset + data.length > MAX_32) throw new Error('The archive would exceed 4 GiB');
    await handle.write(data, 0, data.length, offset);
    offset += data.length;
  };
  const entryName = (name: string) => {
    if (names.has(name)) throw new Error(`Duplicate ZIP entry: ${name}`);
    names.add(name);
    return Buffer.from(name, 'utf8');
  };

  return {
    async addFile(name, data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const compressed = deflateRawSync(bytes);
      const entry: Entry = { name: entryName(name), flags: FLAG_UTF8, method: 8, crc: crc32(bytes), compressedSize: compressed.length, size: bytes.length, offset, ...stamp };
      await write(localHeader(entry));
      await write(compressed);
      entries.push(entry);
    },
    async addStream(name, source) {
      const entry: Entry = { name: entryName(name), flags: FLAG_UTF8 | FLAG_DATA_DESCRIPTOR, method: 0, crc: 0, compressedSize: 0, size: 0, offset, ...stamp };
      await write(localHeader(entry));
      for await (const chunk of source) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        await write(bytes);
      }
      entry.compressedSize = entry.size;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc, 4);
      descriptor.writeUInt32LE(entry.compressedSize, 8);
      descriptor.writeUInt32LE(entry.size, 12);
      await write(descriptor);
      entries.push(entry);
    },
    async finish() {
      if (entries.length > 0xffff) throw new Error('Too many files for a ZIP without ZIP64');
      const directoryOffset = offset;
      for (const entry of entries) await write(centralHeader(entry));
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - directoryOffset, 12);
      end.writeUInt32LE(directoryOffset, 16);
      await write(end);
      await handle.close();
      return offset;
    },
    async abort() {
      await handle.close().catch(() => undefined);
    },
  };
}
