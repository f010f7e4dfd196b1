import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, dataExports, deliveries, evergreenSettings, members, postGroups, webhookDeliveries, webhookEndpoints } from '../../src/server/db/schema/index.ts';
import { recycleDue, type RecycleDeps } from '../../src/server/modules/evergreen/evergreen.service.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { buildExport } from '../../src/server/modules/privacy/export.service.ts';
import { newMessageId } from '../../src/server/modules/webhooks/webhooks.emit.ts';
import { attemptDelivery, claimOne, newSigningSecret, secretSealContext } from '../../src/server/modules/webhooks/webhooks.sender.ts';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from '../../src/server/security/secret-box.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import type { Role } from '../../src/shared/permissions.ts';

// The reasons Herald stores about an evergreen post (why no copy was made), a webhook attempt (why
// it failed) and a data export (why it could not be built) reach each reader in their language by
// the request's Accept-Language. The English is what it always was; no header is English.

const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9' };
const english = { 'accept-language': 'en-GB,en;q=0.9' };
const DAY = 86_400_000;

describe('evergreen, webhook attempt and export reasons in the reader’s language', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let receiver: WebhookReceiver;
  let workspaceId: string;
  let team: Record<Role, TeamMember>;
  let channelId: string;
  let deps: RecycleDeps;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const db = () => h.herald.database.db;
  /** The same GET in French, in English and without Accept-Language. */
  const inEachLanguage = async (who: TeamMember, url: string) => {
    const [fr, en, none] = await Promise.all([who.client.request('GET', url, undefined, french), who.client.request('GET', url, undefined, english), who.client.get(url)]);
    for (const res of [fr, en, none]) expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { fr: fr.body, en: en.body, none: none.body };
  };

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    receiver = await startWebhookReceiver();
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_WEBHOOKS_ALLOW_PRIVATE: 'true', HERALD_WEBHOOK_RETRY_SECONDS: '0.05,0.05' } });
    ({ workspaceId, members: team } = await createTeam(h.url, 'Raisons'));
    channelId = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
    deps = { posts: { boss: h.herald.boss, instance: { mediaByUrl: false } } };
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await receiver?.close();
  });

  describe('why an evergreen post was not recycled', () => {
    const publishedPost = async (text: string) => {
      const res = await team.editor.client.post(api('/posts'), { content: { text }, channels: [{ channelId }], schedule: { mode: 'now' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await waitForPost(team.editor.client, workspaceId, res.body.id, (p) => p.deliveries.every((d: { state: string }) => d.state === 'published'));
      return res.body.id as string;
    };
    /** Evergreen every day, and published two days ago: its copy is due. */
    const dueEvergreen = async (text: string, variations: string[] = []) => {
      const id = await publishedPost(text);
      const res = await team.editor.client.put(api(`/posts/${id}/evergreen`), { everyDays: 1, maxTimes: 3, variations });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await db().update(deliveries).set({ state: 'published', publishedAt: new Date(Date.now() - 2 * DAY) }).where(eq(deliveries.postGroupId, id));
      await db().update(postGroups).set({ state: 'published' }).where(eq(postGroups.id, id));
      return id;
    };
    const skipReasons = async (id: string) => {
      const { fr, en, none } = await inEachLanguage(team.viewer, api(`/posts/${id}/evergreen`));
      const [row] = await db().select().from(evergreenSettings).where(eq(evergreenSettings.postGroupId, id));
      return { fr: fr.evergreen.skipReason, en: en.evergreen.skipReason, none: none.evergreen.skipReason, stored: row!.skipReason, key: row!.skipReasonKey };
    };

    it('the channel of the original is disconnected', async () => {
      const id = await dueEvergreen('Channel goes away (words)');
      await db().update(channels).set({ status: 'disconnected' }).where(eq(channels.id, channelId));
      try {
        expect((await recycleDue(db(), deps)).skipped).toBeGreaterThanOrEqual(1);
      } finally {
        await db().update(channels).set({ status: 'ok' }).where(eq(channels.id, channelId));
      }
      const english = 'Not recycled: the channel of the original is disconnected; connect it again to go on';
      expect(await skipReasons(id)).toEqual({
        fr: `Non recyclée${nbsp}: le canal de la publication d’origine est déconnecté${nbsp}; reconnectez-le pour que le recyclage reprenne`,
        en: english,
        none: english,
        stored: english,
        key: 'status:evergreen.channelDisconnected',
      });
      // Once a copy is made, the reason goes, words and all.
      await recycleDue(db(), deps);
      expect(await skipReasons(id)).toEqual({ fr: null, en: null, none: null, stored: null, key: null });
    });

    it('the member who made it evergreen can no longer schedule posts', async () => {
      const id = await dueEvergreen('Owner demoted (words)');
      await db().update(members).set({ role: 'viewer' }).where(eq(members.id, team.editor.memberId));
      try {
        await recycleDue(db(), deps);
      } finally {
        await db().update(members).set({ role: 'editor' }).where(eq(members.id, team.editor.memberId));
      }
      const english = 'Not recycled: the member who made it evergreen can no longer schedule posts; an editor or admin saves the evergreen setting again to take it over';
      expect(await skipReasons(id)).toEqual({
        fr: `Non recyclée${nbsp}: le membre qui a rendu cette publication recyclable ne peut plus programmer de publications${nbsp}; un éditeur ou un administrateur doit enregistrer de nouveau les paramètres de recyclage pour prendre le relais`,
        en: english,
        none: english,
        stored: english,
        key: 'status:evergreen.ownerCannotSchedule',
      });
    });

    it('the channel’s rules refuse the copy: the rule’s own words inside', async () => {
      const id = await dueEvergreen('Variation too long (words)', ['x'.repeat(510)]);
      await recycleDue(db(), deps);
      const english = 'Not recycled: channels.0.text: Mastodon: 510 of 500 characters, 10 too many';
      expect(await skipReasons(id)).toEqual({
        fr: `Non recyclée${nbsp}: channels.0.text${nbsp}: Mastodon${nbsp}: 510 caractères sur 500, 10 de trop`,
        en: english,
        none: english,
        stored: english,
        key: 'status:evergreen.refused',
      });
    });

    it('a row from before the words were kept reads as stored', async () => {
      const id = await dueEvergreen('Older row');
      await db().update(evergreenSettings).set({ skipReason: 'Not recycled: an older reason', skippedAt: new Date() }).where(eq(evergreenSettings.postGroupId, id));
      expect(await skipReasons(id)).toMatchObject({ fr: 'Not recycled: an older reason', en: 'Not recycled: an older reason', key: null });
    });
  });

  describe('why a webhook attempt failed', () => {
    const box = createSecretBox(parseEncryptionKeys(generateEncryptionKey()));
    /** An endpoint and one delivery to it, sent once by a sender made with `options`; answers the delivery's URL. */
    const attempted = async (url: string, options: { allowPrivate: boolean; timeoutMs?: number }) => {
      const id = crypto.randomUUID();
      await db().insert(webhookEndpoints).values({ id, workspaceId, url, events: ['post.published'], secretSealed: box.seal(newSigningSecret(), secretSealContext(id)), enabled: false });
      const deliveryId = newMessageId();
      await db()
        .insert(webhookDeliveries)
        .values({ id: deliveryId, endpointId: id, workspaceId, eventType: 'post.published', payload: { type: 'post.published', timestamp: new Date().toISOString(), data: {} }, nextAttemptAt: new Date() });
      const until = await claimOne(db(), deliveryId);
      const result = await attemptDelivery({ db: db(), box, retrySeconds: [1], ...options }, deliveryId, until!, { manual: true });
      expect(result).toMatchObject({ ok: false });
      return { webhookId: id, url: api(`/webhooks/${id}/deliveries/${deliveryId}`) };
    };
    /** The attempt's error in the delivery, the delivery list's last attempt and the attempt log, in each language. */
    const errors = async (where: { webhookId: string; url: string }) => {
      const detail = await inEachLanguage(team.admin, where.url);
      const list = await inEachLanguage(team.admin, api(`/webhooks/${where.webhookId}/deliveries`));
      for (const language of ['fr', 'en', 'none'] as const) {
        expect(detail[language].attemptLog[0].error).toBe(detail[language].lastAttempt.error);
        expect(list[language].items[0].lastAttempt.error).toBe(detail[language].lastAttempt.error);
      }
      return { fr: detail.fr.lastAttempt.error, en: detail.en.lastAttempt.error, none: detail.none.lastAttempt.error };
    };

    it('the endpoint answered an error status (the test event, sent through the API)', async () => {
      receiver.answer('/down', [500]);
      const created = await team.admin.client.post(api('/webhooks'), { url: `${receiver.base}/down`, events: ['post.published'] });
      expect(created.status).toBe(201);
      const tested = await team.admin.client.request('POST', api(`/webhooks/${created.body.id}/test`), undefined, french);
      expect(tested.status).toBe(200);
      expect(tested.body.attemptLog[0]).toMatchObject({ responseStatus: 500, error: 'Le point de terminaison a répondu par un code HTTP 500' });
      const english = 'The endpoint answered HTTP 500';
      expect(await errors({ webhookId: created.body.id, url: api(`/webhooks/${created.body.id}/deliveries/${tested.body.id}`) })).toEqual({
        fr: 'Le point de terminaison a répondu par un code HTTP 500',
        en: english,
        none: english,
      });
      // A person's redelivery answers in their language too.
      const again = await team.admin.client.request('POST', api(`/webhooks/${created.body.id}/deliveries/${tested.body.id}/redeliver`), undefined, french);
      expect(again.status).toBe(200);
      expect(again.body.attemptLog.map((a: { error: string }) => a.error)).toEqual(['Le point de terminaison a répondu par un code HTTP 500', 'Le point de terminaison a répondu par un code HTTP 500']);
    });

    it('nothing listens at the address: the system’s code and message stay as they are', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const said = await errors(await attempted(`http://127.0.0.1:${port}/gone`, { allowPrivate: true }));
      const english = `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port}`;
      expect(said).toEqual({ fr: `Erreur réseau ECONNREFUSED${nbsp}: connect ECONNREFUSED 127.0.0.1:${port}`, en: english, none: english });
    });

    it('no answer in time', async () => {
      const silent = http.createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const said = await errors(await attempted(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/slow`, { allowPrivate: true, timeoutMs: 200 }));
        expect(said).toEqual({ fr: `Aucune réponse en 10${nbsp}secondes`, en: 'No answer within 10 seconds', none: 'No answer within 10 seconds' });
      } finally {
        silent.closeAllConnections();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    it('a private address is refused', async () => {
      const port = new URL(receiver.base).port;
      const said = await errors(await attempted(`${receiver.base}/private`, { allowPrivate: false }));
      const english = `Refused: 127.0.0.1:${port} is a private address (127.0.0.1); Herald only connects to public servers`;
      expect(said).toEqual({
        fr: `Refusé${nbsp}: 127.0.0.1:${port} est une adresse privée (127.0.0.1)${nbsp}; Herald ne se connecte qu’à des serveurs publics`,
        en: english,
        none: english,
      });
      expect(receiver.at('/private')).toHaveLength(0);
    });
  });

  describe('why a data export could not be built', () => {
    it('says the failure in the request’s language where the exports are listed', async () => {
      const me = team.viewer;
      const exportId = crypto.randomUUID();
      // Queued by hand (no job picks it up), then built by the real build, whose storage refuses the archive.
      await db().insert(dataExports).values({ id: exportId, userId: me.id });
      const disk = createDiskStorage(path.join(h.dataDir, 'media'));
      const failing = { ...disk, putFile: () => Promise.reject(new Error('The disk is full')) };
      await expect(buildExport({ db: db(), storage: failing, dataPath: h.dataDir, retentionHours: 72 }, exportId)).rejects.toThrow('The disk is full');

      const english = 'The archive could not be built; try again, and tell your administrator if it fails again';
      const [row] = await db().select().from(dataExports).where(and(eq(dataExports.id, exportId), eq(dataExports.userId, me.id)));
      expect(row).toMatchObject({ status: 'failed', error: english, errorKey: 'status:export.buildFailed' });
      const { fr, en, none } = await inEachLanguage(me, '/api/v1/me/exports');
      const failed = (body: { items: { id: string; status: string; error: string | null }[] }) => body.items.find((e) => e.id === exportId);
      expect(failed(fr)).toMatchObject({ status: 'failed', error: `L’archive n’a pas pu être créée${nbsp}; réessayez, et prévenez votre administrateur si l’échec se reproduit` });
      expect(failed(en)).toMatchObject({ status: 'failed', error: english });
      expect(failed(none)).toMatchObject({ status: 'failed', error: english });
    });
  });
});
