import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { crc32 } from '../../src/server/modules/privacy/export.zip.ts';
import type { Client } from './test-herald.ts';

/** Reads a ZIP through its central directory (stored and deflated entries), checking every CRC. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(crc32(data), `CRC of ${name}`).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Asks for "all my data", waits for the job, and answers the ZIP's entries. */
export async function exportMyData(baseUrl: string, client: Client): Promise<Map<string, Buffer>> {
  const created = await client.post('/api/v1/me/exports');
  if (created.status !== 202 && created.status !== 201) throw new Error(`export refused: ${created.status} ${JSON.stringify(created.body)}`);
  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (!url && Date.now() < deadline) {
    const list = await client.get('/api/v1/me/exports');
    url = (list.body.items as { id: string; status: string; downloadUrl?: string }[]).find((e) => e.id === created.body.id && e.status === 'ready')?.downloadUrl;
    if (!url) await new Promise((r) => setTimeout(r, 250));
  }
  if (!url) throw new Error('the export did not become ready');
  const res = await fetch(new URL(url, baseUrl), { headers: { origin: baseUrl, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return readZip(Buffer.from(await res.arrayBuffer()));
}
