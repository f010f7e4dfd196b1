import { stringify } from 'csv-stringify/sync';

// The columns of a bulk scheduling file: what a spreadsheet user fills in, one post per row. The
// import reads them, the export writes them, the template and docs/bulk-csv.md describe them.

export const columns = ['text', 'channels', 'date', 'time', 'time_zone', 'publish_at', 'media_urls', 'media_ids', 'first_comment', 'settings'] as const;
export type Column = (typeof columns)[number];
export type CsvRow = Record<Column, string>;

/** One line per column, for the template's documentation and the API summary. */
export const columnDocs: Record<Column, string> = {
  text: 'The post text (required unless the post has media). Line breaks, commas and quotes are fine inside a quoted cell',
  channels: 'Where it goes: channel ids, handles (@name) or display names, separated by ";"',
  date: 'The day in the time zone, YYYY-MM-DD (leave empty when publish_at is given)',
  time: 'The time of day, 24-hour HH:MM',
  time_zone: 'An IANA time zone such as Europe/Berlin; empty: the workspace time zone',
  publish_at: 'Instead of date and time: an ISO 8601 instant with its offset, e.g. 2027-03-01T09:30:00+01:00',
  media_urls: 'Pictures or videos to download into the media library when imported (http/https), separated by ";"',
  media_ids: 'Files already in the media library, by id, separated by ";"',
  first_comment: 'A first comment, for networks that take one',
  settings: 'Network options as JSON keyed by network id, e.g. {"<network id>": {"option": "value"}}; empty: the defaults',
};

export const REQUIRED: Column[] = ['channels'];
export const LIST_SEPARATOR = ';';

/** The downloadable template: the header, then two example rows showing both ways to give a time. */
export function templateCsv(): string {
  const example1: CsvRow = {
    text: 'Our spring sale starts today, with 20% off everything.\nSee you there!',
    channels: '@our_brand',
    date: '2027-03-01',
    time: '09:30',
    time_zone: 'Europe/Berlin',
    publish_at: '',
    media_urls: 'https://example.com/spring.jpg',
    media_ids: '',
    first_comment: '',
    settings: '',
  };
  const example2: CsvRow = { ...example1, text: 'Last day of the sale, "while stocks last"', date: '', time: '', time_zone: '', publish_at: '2027-03-08T18:00:00+01:00', media_urls: '' };
  return stringify([example1, example2], { header: true, columns: [...columns], bom: true });
}

/** A header cell as written by people: "Time zone", " TEXT " and "time-zone" all mean time_zone. */
export const normaliseHeader = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
