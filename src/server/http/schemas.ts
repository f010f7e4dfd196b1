import { z } from 'zod';
import { isInstantInRange } from '../modules/shared/instants.ts';

// What PostgreSQL and JavaScript both hold (see instants.ts); the message names the window.
const RANGE_MESSAGE = 'must be between the years 1 and 9999';

/** A query value read as a date (`2026-05-01`, `2026-05-01T09:00:00Z`…), refused outside years 1–9999. */
export const dateQuery = (message = 'must be a date') =>
  z.coerce.date({ message }).refine(isInstantInRange, RANGE_MESSAGE);

/** A JSON body instant: ISO 8601 with its zone, kept as the string the client sent, refused outside years 1–9999. */
export const isoInstant = (message = 'must be an ISO 8601 date-time with a zone') =>
  z.iso.datetime({ offset: true, message }).refine((value) => isInstantInRange(new Date(value)), RANGE_MESSAGE);
