import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { sessions } from '../../db/schema/index.ts';

/**
 * "Last active" on the Profile page's session list comes from a session's updatedAt, which the
 * auth library moves only when it extends the session (about once a day), so a session in use
 * looked idle for hours. Each authenticated request now moves it, at most once a minute per
 * session: one small write per active minute, none per request.
 */
const TOUCH_EVERY_MS = 60_000;
/** Enough for every session active in the last minute on a busy instance; beyond it, forget all. */
const MAX_REMEMBERED = 10_000;

export type SessionActivity = (session: { id: string; updatedAt: Date }) => Promise<void>;

export function createSessionActivity(db: Db, now: () => number = Date.now): SessionActivity {
  // The session the auth library hands back may come from its cookie cache with an old
  // updatedAt: remembering our own writes keeps that from causing a write per request.
  const touchedAt = new Map<string, number>();
  return async (session) => {
    const at = now();
    const last = Math.max(session.updatedAt.getTime(), touchedAt.get(session.id) ?? 0);
    if (at - last < TOUCH_EVERY_MS) return;
    if (touchedAt.size >= MAX_REMEMBERED) touchedAt.clear();
    touchedAt.set(session.id, at);
    await db.update(sessions).set({ updatedAt: new Date(at) }).where(eq(sessions.id, session.id));
  };
}
