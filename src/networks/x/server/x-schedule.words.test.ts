import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/helpers/test-herald.ts';
import { openDatabase, type Database } from '../../../server/db/database.ts';
import { issueMessage } from '../../../server/http/error-language.ts';
import { englishOf } from '../../../server/i18n/stored-words.ts';
import { consume } from '../../../server/modules/network-usage/network-usage.ts';
import type { RuleIssue } from '../../rules.ts';
import { accountBucket, accountWindow, APP_BUCKET, appWindow } from './x-caps.ts';
import { checkCaps } from './x-schedule.ts';

// A post the X caps cannot take is refused at save with a rule issue: its English is what it always
// was (API clients read it), and its key and values say it in French to a French reader, as the
// error handler says every rule issue (issueMessage).

const NB = '\u00a0';

/** The issue's words say its message, which is `english`; in French they say `french`. */
function expectSaid(issue: RuleIssue | undefined, english: string, french: string) {
  expect(issue?.message).toBe(english);
  expect(issue?.key, english).toBeDefined();
  const text = { key: issue!.key!, values: issue!.values };
  expect(englishOf('delivery', text)).toBe(issue!.message);
  expect(issueMessage('fr', text, issue!.message)).toBe(french);
}

describe('X caps: the refusal at save in the reader’s language', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const db = () => database.db;
  // Far ahead, so the windows (and so the sentences) are the same on every run.
  const at = new Date('2099-03-10T10:05:00Z');

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    database = await openDatabase({ databaseUrl: fresh.env.DATABASE_URL, dataPath: fresh.dataDir });
    await database.migrate();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("the app's daily cap and the account's 15-minute cap", async () => {
    const account = crypto.randomUUID();
    await consume(db(), { network: 'x', bucket: APP_BUCKET, units: 8, windowStart: appWindow(at.getTime()).start, limit: 10 });
    await consume(db(), { network: 'x', bucket: accountBucket(account), units: 2, windowStart: accountWindow(at.getTime()).start, limit: 3 });
    const issues = await checkCaps(db(), { appPerDay: 10, accountPer15Min: 3 }, { channel: { externalId: account }, at, posts: 3 });
    expect(issues.map((i) => i.field)).toEqual(['schedule', 'schedule']);
    expectSaid(
      issues[0],
      "X cap: this Herald's X app may create 10 posts a day (UTC), all accounts together; 8 are created or scheduled on 2099-03-10 and this post needs 3. Schedule it after 2099-03-11 00:00 UTC.",
      `Plafond X${NB}: l’application X de ce Herald peut créer 10 publications par jour (UTC), tous comptes confondus${NB}; 8 sont déjà créées ou programmées le 2099-03-10 et cette publication en demande 3. Programmez-la après 2099-03-11 00:00 UTC.`,
    );
    expectSaid(
      issues[1],
      'X cap: an account may create 3 posts in 15 minutes through this app; this one has 2 created or scheduled between 2099-03-10 10:00 UTC and 2099-03-10 10:15 UTC and this post needs 3. Schedule it after 2099-03-10 10:15 UTC.',
      `Plafond X${NB}: un compte peut créer 3 publications en 15 minutes via cette application${NB}; celui-ci en a 2 créées ou programmées entre 2099-03-10 10:00 UTC et 2099-03-10 10:15 UTC, et cette publication en demande 3. Programmez-la après 2099-03-10 10:15 UTC.`,
    );
  });
});
