import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, deliveryAttempts, users } from '../../src/server/db/schema/index.ts';
import { NOTIFICATION_MAIL_JOB } from '../../src/server/modules/notifications/alert-jobs.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, makeUnconfirmedSinceTwoHours, runJobNow, waitFor, waitForPost } from '../helpers/publishing.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

// Why a post failed, is unconfirmed or was given up reaches each reader in their language: the post
// and the "Needs attention" list in the request's language, the delivery log's attempts too, and
// the failure notification and its e-mail in the member's. The network's own text stays as it
// wrote it, inside the translated sentence; English readers see exactly the English of before.

const NB = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9' };
const english = { 'accept-language': 'en' };

describe('delivery errors in the reader’s language', () => {
  let h: TestHerald;
  let smtp: SmtpCatcher;
  let mastodon: MastodonFake;
  let team: Record<'owner' | 'admin' | 'editor' | 'approver' | 'viewer', TeamMember>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const db = () => h.herald.database.db;
  const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled'].includes(d.state));
  const read = async (path: string, headers: Record<string, string>) => {
    const res = await team.editor.client.request('GET', api(path), undefined, headers);
    expect(res.status).toBe(200);
    return res.body;
  };
  const schedule = async (text: string, inMs = 200) => {
    const res = await team.editor.client.post(api('/posts'), { content: { text }, channels: [{ channelId }], schedule: { mode: 'at', publishAt: new Date(Date.now() + inMs).toISOString(), timeZone: 'UTC' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; deliveries: { id: string }[] };
  };
  const inbox = async (member: TeamMember, kind: string, postId: string) =>
    ((await member.client.get('/api/v1/notifications?limit=100')).body.items as any[]).filter((n) => n.kind === kind && n.entityId === postId);

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_PUBLISH_MAX_ATTEMPTS: '2', SMTP_URL: smtp.url, SMTP_FROM: 'Herald <herald@example.test>' } });
    const created = await createTeam(h.url, 'Langues');
    workspaceId = created.workspaceId;
    team = created.members;
    channelId = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
    // The owner reads French; the editor (the author) English.
    await db().update(users).set({ language: 'fr' }).where(eq(users.id, team.owner.id));
    await db().update(users).set({ language: 'en' }).where(eq(users.id, team.editor.id));
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await smtp?.close();
  });

  it('a refusal: the post, the delivery log and Needs attention in French with the network’s text inside; English unchanged; the notification and e-mail in French for a French reader', async () => {
    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text contains a forbidden word' } });
    const post = await schedule('Un mot interdit');
    const done = await waitForPost(team.editor.client, workspaceId, post.id, settled);
    expect(done.deliveries[0].state).toBe('failed');

    const englishText = 'Mastodon refused the post: Validation failed: Text contains a forbidden word';
    const frenchText = `Mastodon a refusé la publication${NB}: Validation failed: Text contains a forbidden word`;
    expect((await read(`/posts/${post.id}`, english)).deliveries[0].errorMessage).toBe(englishText);
    expect((await read(`/posts/${post.id}`, french)).deliveries[0].errorMessage).toBe(frenchText);
    // No Accept-Language (API clients): English, as before.
    expect((await team.editor.client.get(api(`/posts/${post.id}`))).body.deliveries[0].errorMessage).toBe(englishText);

    const [row] = await db().select().from(deliveries).where(eq(deliveries.id, done.deliveries[0].id));
    expect(row).toMatchObject({ errorMessage: englishText, errorKey: 'network-mastodon:errors.refused' });

    const log = await read(`/posts/${post.id}/deliveries/${done.deliveries[0].id}/log`, french);
    expect(log.delivery.errorMessage).toBe(frenchText);
    expect(log.attempts.at(-1)).toMatchObject({ outcome: 'failed', errorMessage: frenchText });
    expect(log.attempts.at(-1)).not.toHaveProperty('errorKey');
    expect((await read(`/posts/${post.id}/deliveries/${done.deliveries[0].id}/log`, english)).attempts.at(-1).errorMessage).toBe(englishText);

    const attention = (await read('/posts/needs-attention', french)).items.find((d: any) => d.postId === post.id);
    expect(attention.errorMessage).toBe(frenchText);
    expect(attention).not.toHaveProperty('errorValues');
    // The agency view across workspaces says it as the workspace's own list does.
    const agency = (await team.owner.client.request('GET', '/api/v1/me/attention', undefined, french)).body;
    const agencyItem = agency.workspaces[0].items.find((i: any) => i.postId === post.id && i.kind === 'delivery_failed');
    expect(agencyItem.detail).toContain(frenchText);
    // The list of posts (calendar) says it in the same language.
    const listed = (await read('/posts?limit=500', french)).items.find((p: any) => p.id === post.id);
    expect(listed.deliveries[0].errorMessage).toBe(frenchText);

    const [seenInFrench] = await inbox(team.owner, 'delivery.failed', post.id);
    expect(seenInFrench.title).toMatch(/^Échec de la publication sur Mastodon/);
    expect(seenInFrench.body).toContain(`n’a pas été publiée. ${frenchText}.\n`);
    const [seenInEnglish] = await inbox(team.editor, 'delivery.failed', post.id);
    expect(seenInEnglish.body).toContain(`“Un mot interdit” was not published. ${englishText}.\n`);

    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    const mail = await waitFor(async () => smtp.to(team.owner.email).find((m) => m.text.includes(post.id)), { what: 'the French e-mail' });
    expect(mail.text).toContain(`${frenchText}.`);
    const englishMail = await waitFor(async () => smtp.to(team.editor.email).find((m) => m.text.includes(post.id)), { what: 'the English e-mail' });
    expect(englishMail.text).toContain(`${englishText}.`);
  });

  it('given up after retries: Herald’s own words around the reason, in French and unchanged in English', async () => {
    mastodon.failNext('/api/v1/statuses', { status: 503, body: { error: 'Service Unavailable' } });
    mastodon.failNext('/api/v1/statuses', { status: 503, body: { error: 'Service Unavailable' } });
    const post = await schedule('Toujours en panne');
    const done = await waitForPost(team.editor.client, workspaceId, post.id, settled);
    expect(done.deliveries[0].state).toBe('failed');
    const reason = 'Mastodon is having trouble (HTTP 503); try again shortly';
    expect((await read(`/posts/${post.id}`, english)).deliveries[0].errorMessage).toBe(`${reason} (gave up after 2 attempts)`);
    expect((await read(`/posts/${post.id}`, french)).deliveries[0].errorMessage).toBe(`Mastodon rencontre des difficultés (HTTP 503)${NB}; réessayez dans un instant (abandon après 2 tentatives)`);
    const [row] = await db().select().from(deliveries).where(eq(deliveries.id, done.deliveries[0].id));
    expect(row!.errorKey).toBe('delivery:gaveUp');
    expect(row!.errorValues).toMatchObject({ count: 2 });
    // The retry before it was a plain retry: its attempt keeps the reason alone.
    const attempts = await db().select().from(deliveryAttempts).where(and(eq(deliveryAttempts.deliveryId, done.deliveries[0].id), eq(deliveryAttempts.outcome, 'retry')));
    expect(attempts[0]!.errorMessage).toBe(reason);
    const [seen] = await inbox(team.owner, 'delivery.failed', post.id);
    expect(seen.body).toContain('(abandon après 2 tentatives).');
  });

  it('unconfirmed: the network could not be asked; French and English, and the notification in French', async () => {
    const post = await schedule('Perdue en route', 60 * 60 * 1000);
    const deliveryId = post.deliveries[0]!.id;
    // A call sent two hours ago whose fate is unknown (past the engine's hour of checks): a person
    // asks for a check, the network cannot be reached, and people are told.
    await makeUnconfirmedSinceTwoHours(h, deliveryId);
    mastodon.setDown(true);
    try {
      expect((await team.editor.client.post(api(`/posts/${post.id}/deliveries/${deliveryId}/retry`), {})).status).toBe(200);
      await waitFor(async () => (await inbox(team.owner, 'delivery.unconfirmed', post.id)).length > 0, { what: 'the unconfirmed alert' });
    } finally {
      mastodon.setDown(false);
    }
    const inEnglish = (await read(`/posts/${post.id}`, english)).deliveries[0].errorMessage as string;
    expect(inEnglish).toBe('Herald could not ask Mastodon whether the post was created (Mastodon cannot be reached). Herald does not know whether the post was created and checks the network before anything is sent again.');
    const inFrench = (await read(`/posts/${post.id}`, french)).deliveries[0].errorMessage as string;
    expect(inFrench).toBe('Herald n’a pas pu demander à Mastodon si la publication a été créée (Mastodon est injoignable). Herald ne sait pas si la publication a été créée et interroge le réseau avant de renvoyer quoi que ce soit.');
    const log = await read(`/posts/${post.id}/deliveries/${deliveryId}/log`, french);
    expect(log.attempts.at(-1).errorMessage).toMatch(/^Herald n’a pas pu demander à Mastodon si la publication a été créée/);
    const [seen] = await inbox(team.owner, 'delivery.unconfirmed', post.id);
    expect(seen.title).toMatch(/^Publication non confirmée sur Mastodon/);
    expect(seen.body).toMatch(/Herald n’a pas pu demander à Mastodon si la publication a été créée \(.+\)\./);
    const [seenInEnglish] = await inbox(team.editor, 'delivery.unconfirmed', post.id);
    expect(seenInEnglish.body).toMatch(/Herald could not ask Mastodon whether the post was created \(.+\)\./);
  });
});
