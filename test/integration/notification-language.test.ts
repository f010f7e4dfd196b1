import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { notifications, users, workspaces } from '../../src/server/db/schema/index.ts';
import type { Mail, Mailer } from '../../src/server/modules/mail/mailer.ts';
import { sendPendingEmails } from '../../src/server/modules/notifications/notification-mail.ts';
import { ref } from '../../src/server/modules/notifications/notification-message.ts';
import { listNotifications, notifyUsers } from '../../src/server/modules/notifications/notifications.service.ts';

// Notifications are stored as a key and values and said in each reader's language, in the app's
// list and in the e-mail; rows written before keys existed keep their stored English.

const NB = '\u00a0';

describe('notifications in the reader’s language', () => {
  let database: Database;
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-notification-language-'));
  const db = () => database.db;
  const run = crypto.randomBytes(4).toString('hex');
  const ids = { workspace: `ws-${run}`, french: `fr-${run}`, english: `en-${run}`, browser: `nl-${run}`, frenchBrowser: `fb-${run}` };
  const sent: Mail[] = [];
  const mailer: Mailer = {
    transport: 'smtp',
    async send(mail) {
      sent.push(mail);
    },
  } as Mailer;

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataPath });
    await database.migrate();
    await db().insert(workspaces).values({ id: ids.workspace, name: 'Café Aurora', slug: `cafe-${run}` });
    await db()
      .insert(users)
      .values([
        { id: ids.french, name: 'Amélie', email: `amelie-${run}@example.com`, language: 'fr' },
        { id: ids.english, name: 'Ann', email: `ann-${run}@example.com`, language: 'en' },
        // No choice and no browser seen yet: English unless a request asks for another language.
        { id: ids.browser, name: 'Bram', email: `bram-${run}@example.com`, language: null },
        // No choice, last seen through a French browser (GET /api/v1/me remembers it).
        { id: ids.frenchBrowser, name: 'Benoît', email: `benoit-${run}@example.com`, language: null, browserLanguage: 'fr' },
      ]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  });

  const approved = {
    workspaceId: ids.workspace,
    kind: 'post.approved',
    entityType: 'post',
    entityId: `post-${run}`,
    message: { key: 'review.approved', values: { actor: 'Zoé', post: ref('words.post.untitledStart'), at: { date: '2026-12-07T09:30:00.000Z', style: 'utc' as const } } },
    link: `/w/${ids.workspace}/posts/post-${run}`,
    category: 'approvals' as const,
    email: true,
  };

  it('stores the English words with the key and values, and lists them in each reader’s language', async () => {
    await notifyUsers(db(), [ids.french, ids.english, ids.browser, ids.frenchBrowser], approved);
    const [row] = await db().select().from(notifications).where(eq(notifications.userId, ids.english));
    expect(row).toMatchObject({ title: 'Zoé approved your post', body: 'a post is scheduled for 2026-12-07 09:30 UTC.', messageKey: 'review.approved' });

    const french = await listNotifications(db(), ids.french, { unreadOnly: false, limit: 10 });
    expect(french.items[0]).toMatchObject({ title: 'Zoé a validé votre publication', body: 'Une publication est programmée pour le 7 décembre 2026 à 09:30 UTC.' });
    expect(french.items[0]).not.toHaveProperty('messageKey');
    const english = await listNotifications(db(), ids.english, { unreadOnly: false, limit: 10 });
    expect(english.items[0]).toMatchObject({ title: 'Zoé approved your post', body: 'a post is scheduled for 2026-12-07 09:30 UTC.' });
    const browser = await listNotifications(db(), ids.browser, { unreadOnly: false, limit: 10 });
    expect(browser.items[0]!.title).toBe('Zoé approved your post');
    // The app asks in its interface's language (the browser's, for a user who chose none).
    const asked = await listNotifications(db(), ids.browser, { unreadOnly: false, limit: 10, acceptLanguage: 'fr-FR,fr;q=0.9' });
    expect(asked.items[0]!.title).toBe('Zoé a validé votre publication');
    // A chosen language wins over the request's.
    expect((await listNotifications(db(), ids.english, { unreadOnly: false, limit: 10, acceptLanguage: 'fr' })).items[0]!.title).toBe('Zoé approved your post');
    const frenchBrowser = await listNotifications(db(), ids.frenchBrowser, { unreadOnly: false, limit: 10 });
    expect(frenchBrowser.items[0]!.title).toBe('Zoé a validé votre publication');
  });

  it('says nested words, lists and moments in French', async () => {
    await notifyUsers(db(), [ids.french], {
      ...approved,
      kind: 'delivery.preflight',
      email: false,
      message: {
        key: 'delivery.preflight',
        values: {
          network: 'Mastodon',
          account: ref('words.account'),
          at: { date: '2026-12-07T09:30:00.000Z', style: 'dayTime', timeZone: 'Europe/Paris' },
          post: ref('words.post.quoted', { text: 'Menu d’automne' }),
          problems: [ref('preflight.disconnected', { network: 'Mastodon' }), '2 posts a day at most'],
          url: 'https://herald.example/w/1/channels',
        },
      },
    });
    const [item] = (await listNotifications(db(), ids.french, { unreadOnly: false, limit: 10 })).items;
    expect(item!.title).toBe('La publication sur Mastodon (compte) échouerait le 7 décembre à 10:30 (Europe/Paris)');
    expect(item!.body).toBe(
      [
        `«${NB}Menu d’automne${NB}» est programmée pour le 7 décembre à 10:30 (Europe/Paris), et Herald a trouvé ce qui l’empêcherait de partir${NB}:`,
        `- Le canal Mastodon est déconnecté${NB}: reconnectez le compte sur la page Canaux.`,
        '- 2 posts a day at most',
        `Page Canaux (pour reconnecter)${NB}: https://herald.example/w/1/channels`,
      ].join('\n'),
    );
  });

  it('shows a row from before keys with its stored English, whatever the reader’s language', async () => {
    await db()
      .insert(notifications)
      .values({ id: `old-${run}`, userId: ids.french, workspaceId: ids.workspace, kind: 'channel.needs_reauth', entityType: 'channel', entityId: 'c1', title: 'Reconnect Mastodon @cafe', body: 'Stored words.', link: '/', createdAt: new Date('2026-01-01T00:00:00Z') });
    const items = (await listNotifications(db(), ids.french, { unreadOnly: false, limit: 10 })).items;
    expect(items.at(-1)).toMatchObject({ id: `old-${run}`, title: 'Reconnect Mastodon @cafe', body: 'Stored words.' });
  });

  it('e-mails each recipient in their language, frame and words', async () => {
    await sendPendingEmails(db(), { mailer, publicOrigin: 'https://herald.example' }, { now: new Date(Date.now() + 1000) });
    const toFrench = sent.find((m) => m.to === `amelie-${run}@example.com`)!;
    expect(toFrench.subject).toBe('[Café Aurora] Zoé a validé votre publication');
    expect(toFrench.text).toContain('Une publication est programmée pour le 7 décembre 2026 à 09:30 UTC.');
    expect(toFrench.text).toContain(`Ouvrir dans Herald${NB}: https://herald.example/w/${ids.workspace}/posts/post-${run}`);
    // No language chosen, last seen through a French browser: French.
    expect(sent.find((m) => m.to === `benoit-${run}@example.com`)!.subject).toBe('[Café Aurora] Zoé a validé votre publication');
    expect(sent.find((m) => m.to === `bram-${run}@example.com`)!.subject).toBe('[Café Aurora] Zoé approved your post');
    const toEnglish = sent.find((m) => m.to === `ann-${run}@example.com`)!;
    expect(toEnglish.subject).toBe('[Café Aurora] Zoé approved your post');
    expect(toEnglish.text).toContain('a post is scheduled for 2026-12-07 09:30 UTC.');
  });
});
