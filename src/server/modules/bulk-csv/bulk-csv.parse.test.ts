import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { templateCsv } from './bulk-csv.columns.ts';
import { MAX_ROWS, parseCsv } from './bulk-csv.parse.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return null;
};

describe('parseCsv', () => {
  it('reads a byte order mark, loose header names, quoted commas, line breaks and quotes', () => {
    const rows = parseCsv('\uFEFFText, Channels ,Time-Zone\r\n"a, ""b""\nc",@x;@y,Europe/Berlin\r\n');
    expect(rows).toEqual([{ row: 2, extraCells: 0, values: expect.objectContaining({ text: 'a, "b"\nc', channels: '@x;@y', time_zone: 'Europe/Berlin', date: '' }) }]);
  });

  it('takes ";" as the separator when the header uses it, and counts extra cells', () => {
    const rows = parseCsv('text;channels\n"x, y";@a;surplus\n\n;@b\n');
    expect(rows.map((r) => [r.row, r.values.text, r.values.channels, r.extraCells])).toEqual([
      [2, 'x, y', '@a', 1],
      [3, '', '@b', 0],
    ]);
  });

  it('refuses malformed files and bad headers as a whole', () => {
    expect(codeOf(() => parseCsv('text,channels\n"open,@a'))).toBe('bulk_csv.malformed');
    expect(codeOf(() => parseCsv(''))).toBe('bulk_csv.empty');
    expect(codeOf(() => parseCsv('text,chanels\nx,y'))).toBe('bulk_csv.unknown_column');
    expect(codeOf(() => parseCsv('text,channels,text\nx,y,z'))).toBe('bulk_csv.duplicate_column');
    expect(codeOf(() => parseCsv('text\nx'))).toBe('bulk_csv.missing_column');
    expect(codeOf(() => parseCsv('text,channels\n'))).toBe('bulk_csv.no_rows');
    expect(codeOf(() => parseCsv(`channels\n${'@a\n'.repeat(MAX_ROWS + 1)}`))).toBe('bulk_csv.too_many_rows');
  });

  it('reads its own template', () => {
    const rows = parseCsv(templateCsv());
    expect(rows).toHaveLength(2);
    expect(rows[0]!.values.text).toContain('\n');
  });
});
