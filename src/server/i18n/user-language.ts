import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema/index.ts';
import { languageOfHeader, spokenLanguageOfHeader } from '../http/request-language.ts';
import type { Language } from '../../shared/languages.ts';
import { pickLanguage } from './i18n.ts';

// A user reads Herald in the language they chose in their profile; one who chose none follows
// their browser. Outside a request (e-mails, notifications by e-mail, the data export) the browser
// is not there to ask, so Herald remembers the language the web app last asked for.

/** The columns that say which language a person reads. */
export const userLanguageColumns = { language: users.language, browserLanguage: users.browserLanguage };

type UserLanguages = { language: string | null; browserLanguage: string | null };

/**
 * The language to write to a person: the one they chose, else the one a request of theirs asks for
 * (`acceptLanguage`, when it names one Herald speaks), else their browser's as last seen, else English.
 */
export function languageOfUser(user: UserLanguages | undefined, acceptLanguage?: string | null): Language {
  // `*` (what fetch sends by default) or a language Herald does not speak asks for nothing.
  return pickLanguage(user?.language, spokenLanguageOfHeader(acceptLanguage), user?.browserLanguage);
}

/** The language of a user by id (see languageOfUser). */
export async function languageOfUserId(db: Db, userId: string, acceptLanguage?: string | null): Promise<Language> {
  const [row] = await db.select(userLanguageColumns).from(users).where(eq(users.id, userId));
  return languageOfUser(row, acceptLanguage);
}

/** Remembers the language the web app asks for, when it changed (one write per change, not per visit). */
export async function rememberBrowserLanguage(db: Db, user: { id: string; browserLanguage: string | null }, acceptLanguage: string | undefined): Promise<void> {
  if (!acceptLanguage) return;
  const asked = languageOfHeader(acceptLanguage);
  if (asked === user.browserLanguage) return;
  await db.update(users).set({ browserLanguage: asked }).where(eq(users.id, user.id));
}
