/**
 * The instants Herald accepts: years 1 to 9999. JavaScript dates reach ±275760 and PostgreSQL's
 * timestamptz reaches 294276, but not at the same ends (year -271821 is a valid Date and an error in
 * PostgreSQL), and four-digit years are what ISO 8601 without extensions can write anyway.
 */
export const EARLIEST_INSTANT = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

export const isInstantInRange = (date: Date) =>
  !Number.isNaN(date.getTime()) && date.getTime() >= EARLIEST_INSTANT.getTime() && date.getTime() <= LATEST_INSTANT.getTime();
