import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { notificationCategories } from '../../../shared/notification-categories.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { translator } from '../../i18n/i18n.ts';
import { rowsOf, type Db } from '../../db/database.ts';
import { notificationPreferences, users, workspaces } from '../../db/schema/index.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { notificationWords, type MessageValues } from './notification-message.ts';
import { languageOfUser, userLanguageColumns } from '../../i18n/user-language.ts';

// The e-mail side of notifications. notifyUsers writes rows with email_status `pending` in the
// transaction that records the incident; this sweep (a job every minute) sends them. A row is
// claimed (`sending`) by one atomic update before anything is sent, so several workers running the
// sweep at once send each e-mail once. The person's choice for the category decides whether it
// goes out (`sent`) or not (`skipped`); a refused send is tried again with doubling waits (1, 2, 4,
// 8, 16 minutes, counted from the notification) and given up as `failed` after GIVE_UP_AFTER_MS.

/** A refused send is not tried again once the notification is this old. */
export const GIVE_UP_AFTER_MS = 30 * 60 * 1000;
/** A claim whose worker died mid-send is taken back after this. */
const STALE_CLAIM_MS = 10 * 60 * 1000;
const BATCH = 50;

export type NotificationMailDeps = { mailer: Mailer; publicOrigin: string; logger?: Logger };
export type SweepOutcome = { sent: number; skipped: number; retry: number; failed: number };

type Claimed = {
  id: string;
  user_id: string;
  workspace_id: string | null;
  category: string;
  title: string;
  body: string;
  message_key: string | null;
  message_values: MessageValues | null;
  link: string | null;
  created_at: string | Date;
};

/** Where the person chooses which e-mails they get (the Profile page's section). */
export const emailSettingsPath = '/profile#email-notifications';

const absolute = (origin: string, link: string) => (/^https?:\/\//.test(link) ? link : `${origin}${link.startsWith('/') ? '' : '/'}${link}`);

/**
 * The plain-text e-mail for one notification: what happened, where to act, where to change the choice. Nothing secret is in a notification, so nothing secret is here.
 * All of it is in the recipient's language: the caller says the notification's title and body in it (notificationWords).
 */
export function notificationMail(
  input: { to: string; workspaceName: string | null; category: string; title: string; body: string; link: string | null; language?: Language },
  publicOrigin: string,
): Mail {
  const t = translator(input.language ?? defaultLanguage, 'mail');
  const origin = publicOrigin.replace(/\/$/, '');
  const categoryLabel = (notificationCategories as readonly string[]).includes(input.category) ? t(`notification.category.${input.category}`) : input.category;
  const lines = [input.title, '', input.body];
  if (input.link) lines.push('', t('notification.open', { link: absolute(origin, input.link) }));
  lines.push(
    '',
    '-- ',
    `${input.workspaceName ? t('notification.workspace', { name: input.workspaceName }) : ''}${t('notification.reason', { category: categoryLabel })}`,
    t('notification.settings', { url: `${origin}${emailSettingsPath}` }),
  );
  return { to: input.to, subject: `${input.workspaceName ? `[${input.workspaceName}] ` : ''}${input.title}`, text: lines.join('\n') };
}

/**
 * Takes up to `limit` e-mails that are due for this worker alone: pending ones never tried, pending
 * ones whose wait after a refused send is over (as long again as the time since the notification,
 * at least a minute), and claims of a worker that died. SKIP LOCKED lets two sweeps pass each other.
 */
async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const due = sql`(
    (email_status = 'pending' and (emailed_at is null or ${at}::timestamptz - emailed_at >= greatest(interval '1 minute', emailed_at - created_at)))
    or (email_status = 'sending' and emailed_at < ${staleBefore}::timestamptz)
  )`;
  return rowsOf<Claimed>(
    await db.execute(sql`
      update notifications set email_status = 'sending', emailed_at = ${at}::timestamptz
      where id in (select id from notifications where ${due} order by created_at limit ${limit} for update skip locked)
        and ${due}
      returning id, user_id, workspace_id, category, title, body, message_key, message_values, link, created_at`),
  );
}

const mark = (db: Db, id: string, status: 'sent' | 'skipped' | 'failed' | 'pending', at: Date) =>
  db.execute(sql`update notifications set email_status = ${status}, emailed_at = ${at.toISOString()}::timestamptz where id = ${id} and email_status = 'sending'`);

/** Sends the e-mails that are due; answers what happened to them. */
export async function sendPendingEmails(db: Db, deps: NotificationMailDeps, options: { now?: Date; limit?: number } = {}): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { sent: 0, skipped: 0, retry: 0, failed: 0 };
  for (;;) {
    const now = options.now ?? new Date();
    const claimed = await claimDue(db, now, options.limit ?? BATCH);
    if (!claimed.length) return outcome;
    const userIds = [...new Set(claimed.map((r) => r.user_id))];
    const workspaceIds = [...new Set(claimed.map((r) => r.workspace_id).filter((id): id is string => !!id))];
    const people = new Map((await db.select({ id: users.id, email: users.email, ...userLanguageColumns }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u]));
    const names = new Map(workspaceIds.length ? (await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).where(inArray(workspaces.id, workspaceIds))).map((w) => [w.id, w.name]) : []);
    const off = new Set(
      (
        await db
          .select({ userId: notificationPreferences.userId, category: notificationPreferences.category })
          .from(notificationPreferences)
          .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.email, false)))
      ).map((p) => `${p.userId}:${p.category}`),
    );
    for (const row of claimed) {
      const person = people.get(row.user_id);
      const to = person?.email;
      // No SMTP server: the log transport is for links a person passes on by hand, not for alerts.
      if (!to || off.has(`${row.user_id}:${row.category}`) || deps.mailer.transport !== 'smtp') {
        await mark(db, row.id, 'skipped', now);
        outcome.skipped += 1;
        continue;
      }
      try {
        const language = languageOfUser(person);
        const words = notificationWords({ title: row.title, body: row.body, messageKey: row.message_key, messageValues: row.message_values }, language);
        await deps.mailer.send(
          notificationMail({ to, workspaceName: row.workspace_id ? (names.get(row.workspace_id) ?? null) : null, category: row.category, ...words, link: row.link, language }, deps.publicOrigin),
        );
        await mark(db, row.id, 'sent', new Date());
        outcome.sent += 1;
      } catch (error) {
        const giveUp = now.getTime() - new Date(row.created_at).getTime() >= GIVE_UP_AFTER_MS;
        // The claim time stays as the last try: the next wait is measured from it.
        await mark(db, row.id, giveUp ? 'failed' : 'pending', now);
        outcome[giveUp ? 'failed' : 'retry'] += 1;
        deps.logger?.warn({ notificationId: row.id, giveUp, error: error instanceof Error ? error.message : String(error) }, 'notification e-mail not sent');
      }
    }
    // A fixed `now` (tests) claims each row once per call.
    if (options.now || claimed.length < (options.limit ?? BATCH)) return outcome;
  }
}
