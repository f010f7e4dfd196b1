import { CsvError, parse } from 'csv-parse/sync';
import { invalid } from '../shared/errors.ts';
import { columns, normaliseHeader, REQUIRED, type Column, type CsvRow } from './bulk-csv.columns.ts';

/** More rows than this in one file are refused as a whole (the preview and import answer every row). */
export const MAX_ROWS = 10_000;

/** A data row and its number as a spreadsheet shows it (the header is row 1). */
export type ParsedRow = { row: number; values: CsvRow; extraCells: number };

/**
 * Reads a CSV file (UTF-8, with or without a byte order mark, RFC 4180 quoting, comma or semicolon
 * separated) into rows keyed by column. A malformed file (an unclosed quote), a header naming an
 * unknown or missing column, or too many rows is a 400 for the whole file; per-row problems are the
 * validator's.
 */
export function parseCsv(text: string): ParsedRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), skip_empty_lines: true, relax_column_count: true, skip_records_with_empty_values: true });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw invalid('bulk_csv.malformed', `csv: the file is not valid CSV${line ? ` near line ${line}` : ''} (${error.message.replace(/^Invalid Record Length: |^Invalid Closing Quote: /, '')})`, { field: 'csv', line }, { reason: error.message.replace(/^Invalid Record Length: |^Invalid Closing Quote: /, '') });
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw invalid('bulk_csv.empty', 'csv: the file is empty; start from the template', { field: 'csv' });
  const names = header.map(normaliseHeader);
  const unknown = names.find((n) => !(columns as readonly string[]).includes(n));
  if (unknown !== undefined) throw invalid('bulk_csv.unknown_column', `csv: unknown column "${unknown}"; the columns are ${columns.join(', ')}`, { field: 'csv', column: unknown }, { columns: columns.join(', ') });
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw invalid('bulk_csv.duplicate_column', `csv: the column "${twice}" is there twice`, { field: 'csv', column: twice });
  const missing = REQUIRED.find((c) => !names.includes(c));
  if (missing) throw invalid('bulk_csv.missing_column', `csv: the column "${missing}" is missing; the template has every column`, { field: 'csv', column: missing });
  if (!data.length) throw invalid('bulk_csv.no_rows', 'csv: the file has a header but no rows', { field: 'csv' });
  if (data.length > MAX_ROWS) throw invalid('bulk_csv.too_many_rows', `csv: ${data.length} rows; at most ${MAX_ROWS} in one file, split it`, { field: 'csv', rows: data.length, max: MAX_ROWS });

  const blank = Object.fromEntries(columns.map((c) => [c, ''])) as CsvRow;
  return data.map((cells, index) => {
    const values = { ...blank };
    names.forEach((name, i) => (values[name as Column] = cells[i] ?? ''));
    return { row: index + 2, values, extraCells: Math.max(0, cells.length - names.length) };
  });
}

/** Spreadsheets in comma-decimal locales save with ";": the header line says which one it is. */
function detectDelimiter(text: string): ',' | ';' {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}
