import { deflateSync } from 'node:zlib';

/**
 * A small, valid PDF with `pages` blank pages, for tests of document uploads. With
 * `objectStreams`, the page tree sits in a compressed object stream (PDF 1.5), as most PDFs
 * written by office programs have it.
 */
export function buildPdf(options: { pages: number; objectStreams?: boolean; title?: string }): Buffer {
  const { pages } = options;
  const pageIds = Array.from({ length: pages }, (_, i) => 3 + i);
  const kids = pageIds.map((id) => `${id} 0 R`).join(' ');
  const pagesDictionary = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  const objects: string[] = [];
  const parts: string[] = [];
  let offset = 0;
  const offsets: number[] = [];
  const push = (text: string) => {
    parts.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const addObject = (id: number, body: string | Buffer) => {
    offsets[id] = offset;
    if (typeof body === 'string') push(`${id} 0 obj\n${body}\nendobj\n`);
    else {
      push(`${id} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${body.length} >>\nstream\n`);
      push(body.toString('latin1'));
      push('\nendstream\nendobj\n');
    }
  };
  addObject(1, '<< /Type /Catalog /Pages 2 0 R >>');
  for (const id of pageIds) addObject(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>${options.title ? ` % ${options.title}` : ''}`);
  if (options.objectStreams) {
    const streamId = 3 + pages;
    addObject(streamId, deflateSync(Buffer.from(`2 0 ${pagesDictionary}`, 'latin1')));
  } else {
    addObject(2, pagesDictionary);
  }
  objects.push('');
  const xrefAt = offset;
  const count = offsets.length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id += 1) push(`${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}
