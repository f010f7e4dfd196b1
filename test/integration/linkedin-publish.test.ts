import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError, type TokenSet } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../src/server/providers/publishing.ts';
import { createLinkedInProvider } from '../../src/networks/linkedin/server/linkedin.provider.ts';
import { createLinkedInPublisher } from '../../src/networks/linkedin/server/linkedin.publisher.ts';
import type { LinkedInEndpoints } from '../../src/networks/linkedin/server/linkedin-api.ts';
import { buildPdf } from '../helpers/pdf.ts';
import { fastEngineEnv, memoryJournal, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectLinkedIn } from '../fakes/linkedin/connect.ts';
import { linkedinEnv, startLinkedInFake, type LinkedInFake } from '../fakes/linkedin/linkedin-fake.ts';

// LinkedIn against the local fake: the provider's connect (authorization page, code → 60-day
// token, the member and the Pages they administer), the publisher as the engine drives it
// (journal in memory) for every kind of post, and the connect picker and reconnect through Herald.

function media(bytes: Buffer, fields: Partial<PublishMedia> = {}): PublishMedia {
  return {
    id: crypto.randomUUID(),
    kind: 'image',
    mimeType: 'image/jpeg',
    size: bytes.length,
    width: 1080,
    height: 1080,
    durationSeconds: null,
    frameRate: null,
    altText: '',
    publicUrl: null,
    open: (range) => Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]),
    ...fields,
  };
}

const redirectUri = 'https://herald.example/api/v1/oauth/callback/linkedin';
const bakery = 'urn:li:organization:2414183';
const PART = 64 * 1024;

describe('LinkedIn against the local fake', () => {
  let fake: LinkedInFake;
  let endpoints: LinkedInEndpoints;
  let publisher: Publisher;
  let tokens: TokenSet & { externalId: string };
  let hera: string;

  async function connect() {
    const provider = createLinkedInProvider(endpoints);
    const url = await provider.authorizationUrl({ state: 'st4te', redirectUri, codeChallenge: 'ignored', instance: null });
    const back = new URL(fake.authorize(url));
    expect(back.searchParams.get('state')).toBe('st4te');
    const got = await provider.exchangeCode({ code: back.searchParams.get('code')!, state: 'st4te', redirectUri, codeVerifier: 'ignored', instance: null });
    return { provider, tokens: got, accounts: await provider.accounts!(got, null) };
  }

  const ctxFor = (author: string, parts: PublishContext['parts'], extra: Partial<PublishContext> = {}, journal = memoryJournal()) => {
    const ctx: PublishContext = {
      deliveryId: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      accessToken: tokens.accessToken,
      instance: null,
      externalAccountId: author,
      username: null,
      limits: {},
      parts,
      firstComment: null,
      settings: {},
      journal,
      ...extra,
    };
    return { ctx, journal };
  };

  /** Runs publish as the engine does: again after each `processing`, until published. */
  async function publishAll(ctx: PublishContext): Promise<PublishOutcome & { status: 'published' }> {
    for (let round = 0; round < 80; round += 1) {
      const outcome = await publisher.publish(ctx);
      if (outcome.status === 'published') return outcome;
      await new Promise((r) => setTimeout(r, Math.min(outcome.checkAfterMs, 100)));
    }
    throw new Error('still processing');
  }

  const postOf = (urn: string) => fake.posts().find((p) => p.urn === urn)!;
  const assetOf = (urn: unknown) => fake.assets().find((a) => a.urn === urn)!;

  beforeAll(async () => {
    fake = await startLinkedInFake({ processingMs: { video: 250, document: 150 }, partSize: PART });
    endpoints = {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      authUrl: fake.url,
      apiUrl: fake.url,
      version: '202601',
      pages: true,
      memberAnalytics: false,
      rateLimitWaitMs: 60_000,
      mediaGraceMs: 300,
    };
    publisher = createLinkedInPublisher(endpoints, { firstPollMs: 50, maxPollMs: 100 });
    hera = `urn:li:person:${fake.members[0]!.id}`;
  });
  afterAll(async () => fake?.close());
  beforeEach(async () => {
    fake.setMember(fake.members[0]!.id);
    tokens = (await connect()).tokens;
  });

  it('connects: a 60-day token, the member from userinfo, and the Pages they may post as', async () => {
    const { tokens: got, accounts, provider } = await connect();
    expect(got.externalId).toBe(hera);
    expect(got.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    expect(got.refreshTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 364 * 86_400_000);
    expect(got.scopes).toContain('w_organization_social');
    // An analyst cannot post as "Herald Analysts": only the member and Herald Bakery are offered.
    expect(accounts.map((a) => [a.externalId, a.profile.displayName, a.note])).toEqual([
      [hera, 'Hera Herald', 'your own profile'],
      [bakery, 'Herald Bakery', 'Company Page · Page admin'],
    ]);
    for (const account of accounts) expect(account.profile.ownerExternalId).toBe(hera);
    // A Page's channel reads the Page again, not the member behind the token.
    expect(await provider.profile(got.accessToken, null, bakery)).toMatchObject({ externalId: bakery, username: 'herald-bakery', displayName: 'Herald Bakery' });
    const url = new URL(await provider.authorizationUrl({ state: 's', redirectUri, codeChallenge: 'c', instance: null }));
    expect(url.pathname).toBe('/oauth/v2/authorization');
    expect(url.searchParams.get('scope')).toBe('openid profile email w_member_social rw_organization_admin w_organization_social r_organization_social');
    expect(url.searchParams.has('code_challenge')).toBe(false);
  });

  it('without refresh tokens (most apps), the token set has only an expiry; a refresh keeps the 365-day limit', async () => {
    const { provider } = await connect();
    const refreshed = await provider.refresh!(tokens.refreshToken!, null);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    // LinkedIn does not extend the refresh token's life on refresh.
    expect(Math.abs(refreshed.refreshTokenExpiresAt!.getTime() - tokens.refreshTokenExpiresAt!.getTime())).toBeLessThan(3000);
    const plain = await startLinkedInFake({ refreshTokens: false });
    try {
      const p = createLinkedInProvider({ ...endpoints, authUrl: plain.url, apiUrl: plain.url, clientId: plain.clientId, clientSecret: plain.clientSecret });
      const back = new URL(plain.authorize(await p.authorizationUrl({ state: 's', redirectUri, codeChallenge: 'c', instance: null })));
      const got = await p.exchangeCode({ code: back.searchParams.get('code')!, state: 's', redirectUri, codeVerifier: 'x', instance: null });
      expect(got).toMatchObject({ refreshToken: null, refreshTokenExpiresAt: null });
      expect(got.accessTokenExpiresAt).toBeInstanceOf(Date);
    } finally {
      await plain.close();
    }
  });

  it('sends little text: reserved characters escaped so the text appears as written, hashtags and mentions kept', async () => {
    const text = `Q&A (part 1) [draft] *bold* _under_ ~tilde~ <tag> a|b {c} back\\slash me@home #Launch2026 with @[Herald Bakery](${bakery}) ${Date.now()}`;
    const { ctx } = ctxFor(hera, [{ text, media: [] }]);
    const outcome = await publishAll(ctx);
    const post = postOf(outcome.externalId);
    expect(post.text).toBe(text.replace(`@[Herald Bakery](${bakery})`, 'Herald Bakery'));
    expect(post.mentions).toEqual([{ name: 'Herald Bakery', urn: bakery }]);
    expect(post.hashtags).toEqual(['Launch2026']);
    expect(outcome.url).toBe(`https://www.linkedin.com/feed/update/${outcome.externalId}`);
  });

  it('posts one photo with alt text, and 3 photos as a MultiImage, bytes intact', async () => {
    const one = crypto.randomBytes(3000);
    const single = await publishAll(ctxFor(bakery, [{ text: `One photo ${Date.now()}`, media: [media(one, { altText: 'A loaf' })] }]).ctx);
    const content = postOf(single.externalId).content as { media: { id: string; altText: string } };
    expect(content.media.altText).toBe('A loaf');
    expect(assetOf(content.media.id).bytes!.equals(one)).toBe(true);

    const files = [crypto.randomBytes(2000), crypto.randomBytes(2500), crypto.randomBytes(1800)];
    const multi = await publishAll(ctxFor(bakery, [{ text: `Three photos ${Date.now()}`, media: files.map((b, i) => media(b, { altText: `photo ${i + 1}` })) }]).ctx);
    const images = (postOf(multi.externalId).content as { multiImage: { images: { id: string; altText: string }[] } }).multiImage.images;
    expect(images.map((i) => i.altText)).toEqual(['photo 1', 'photo 2', 'photo 3']);
    images.forEach((image, i) => expect(assetOf(image.id).bytes!.equals(files[i]!)).toBe(true));
  });

  it('uploads a video in parts with their ETags, continues after a failed part without resending, waits until AVAILABLE', async () => {
    const bytes = crypto.randomBytes(PART * 3 + 1234);
    const { ctx, journal } = ctxFor(bakery, [{ text: `Video ${Date.now()}`, media: [media(bytes, { kind: 'video', mimeType: 'video/mp4', durationSeconds: 10 })] }]);
    // The third part fails once: the journal keeps the first two ETags.
    fake.failNextPart(2, { status: 500 });
    const first = await publisher.publish(ctx).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ProviderError);
    expect(first).toMatchObject({ kind: 'transient' });
    const upload = (journal.progress.media as { urn: string; etags: (string | null)[] }[])[0]!;
    expect(upload.etags).toEqual([expect.any(String), expect.any(String), null, null]);
    const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path.startsWith(`/upload/${encodeURIComponent(upload.urn)}/`)).map((r) => r.path.split('/').pop());
    expect(puts()).toEqual(['0', '1', '2']);
    const outcome = await publishAll(ctx);
    expect(puts()).toEqual(['0', '1', '2', '2', '3']);
    const asset = assetOf((postOf(outcome.externalId).content as { media: { id: string } }).media.id);
    expect(asset.bytes!.equals(bytes)).toBe(true);
    expect(journal.events.filter((e) => e.startsWith('before:'))).toEqual(['before:upload:0', 'before:post']);
  }, 20_000);

  it("waits a grace period for a member's video, whose status LinkedIn does not let the member read", async () => {
    const bytes = crypto.randomBytes(PART + 10);
    const { ctx } = ctxFor(hera, [{ text: `Member video ${Date.now()}`, media: [media(bytes, { kind: 'video', mimeType: 'video/mp4' })] }]);
    const started = Date.now();
    const outcome = await publishAll(ctx);
    expect(Date.now() - started).toBeGreaterThanOrEqual(endpoints.mediaGraceMs);
    expect(postOf(outcome.externalId).author).toBe(hera);
  });

  it('posts a PDF document with its title, the bytes identical at LinkedIn', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(5000), Buffer.from('\n%%EOF\n')]);
    const doc = media(pdf, { kind: 'document', mimeType: 'application/pdf', width: null, height: null, pageCount: 12 });
    const { ctx } = ctxFor(bakery, [{ text: `Our report ${Date.now()}`, media: [doc] }], { settings: { documentTitle: 'Annual report 2026' } });
    const outcome = await publishAll(ctx);
    const content = postOf(outcome.externalId).content as { media: { id: string; title: string } };
    expect(content.media.id).toMatch(/^urn:li:document:/);
    expect(content.media.title).toBe('Annual report 2026');
    expect(assetOf(content.media.id).bytes!.equals(pdf)).toBe(true);
  });

  it('posts a link card with title, description and an uploaded thumbnail', async () => {
    const thumb = crypto.randomBytes(1500);
    const settings = { linkUrl: 'https://herald.example/news', linkTitle: 'Herald news', linkDescription: 'What changed this week' };
    const outcome = await publishAll(ctxFor(bakery, [{ text: `Link ${Date.now()}`, media: [media(thumb)] }], { settings }).ctx);
    const article = (postOf(outcome.externalId).content as { article: Record<string, string> }).article;
    expect(article).toMatchObject({ source: 'https://herald.example/news', title: 'Herald news', description: 'What changed this week' });
    expect(assetOf(article.thumbnail).bytes!.equals(thumb)).toBe(true);
  });

  it("sends the post's link card as an article with the edited title and description; attached media win", async () => {
    const linkCard = { url: 'https://herald.example/card?utm_source=linkedin', title: 'Edited title', description: 'Edited description', imageUrl: null, loadImage: async () => null };
    const outcome = await publishAll(ctxFor(bakery, [{ text: `Card ${Date.now()}`, media: [] }], { linkCard }).ctx);
    expect((postOf(outcome.externalId).content as { article: Record<string, string> }).article).toEqual({ source: linkCard.url, title: 'Edited title', description: 'Edited description' });
    const untitled = await publishAll(ctxFor(bakery, [{ text: `Untitled card ${Date.now()}`, media: [] }], { linkCard: { ...linkCard, title: '', description: '' } }).ctx);
    expect((postOf(untitled.externalId).content as { article: Record<string, string> }).article).toEqual({ source: linkCard.url, title: linkCard.url });
    const withImage = await publishAll(ctxFor(bakery, [{ text: `Image over card ${Date.now()}`, media: [media(crypto.randomBytes(800))] }], { linkCard }).ctx);
    expect(Object.keys(postOf(withImage.externalId).content as object)).toEqual(['media']);
  });

  it('adds the first comment under the post, as the Page', async () => {
    const outcome = await publishAll(ctxFor(bakery, [{ text: `With comment ${Date.now()}`, media: [] }], { firstComment: 'Recipe: #bread (see link)' }).ctx);
    const comments = fake.comments().filter((c) => c.object === outcome.externalId);
    expect(comments).toMatchObject([{ actor: bakery, text: 'Recipe: #bread \\(see link\\)' }]);
  });

  it('a duplicate refusal is not a second post: a Page finds the first one, a member is left unconfirmed with the reason', async () => {
    const text = `Same words ${Date.now()}`;
    const first = await publishAll(ctxFor(bakery, [{ text, media: [] }]).ctx);
    // A second delivery of the same text (an earlier answer lost, the journal gone): LinkedIn refuses it as a duplicate.
    const again = await publishAll(ctxFor(bakery, [{ text, media: [] }]).ctx);
    expect(again.externalId).toBe(first.externalId);
    expect(fake.posts().filter((p) => p.text === text)).toHaveLength(1);

    const memberText = `Member same words ${Date.now()}`;
    await publishAll(ctxFor(hera, [{ text: memberText, media: [] }]).ctx);
    const { ctx, journal } = ctxFor(hera, [{ text: memberText, media: [] }]);
    const error = await publisher.publish(ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', ambiguous: true, code: 'duplicate' });
    expect((error as Error).message).toContain('duplicate');
    const check = await publisher.findExisting(ctx, { step: journal.pending!.step, sentAt: journal.pending!.sentAt });
    expect(check).toMatchObject({ found: 'unknown', reason: expect.stringContaining('duplicate') });
    expect(fake.posts().filter((p) => p.text === memberText)).toHaveLength(1);
  });

  it("a lost answer: a Page's post is found by its text, a member's cannot be read and stays unknown", async () => {
    const text = `Lost ${Date.now()}`;
    fake.failNextCreate({ dropAfterHandling: true });
    const { ctx, journal } = ctxFor(bakery, [{ text, media: [] }]);
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ ambiguous: true });
    const check = await publisher.findExisting(ctx, { step: 'post', sentAt: journal.pending!.sentAt });
    expect(check).toMatchObject({ found: true, progress: { postUrn: fake.posts().find((p) => p.text === text)!.urn } });

    fake.failNextCreate({ dropAfterHandling: true });
    const member = ctxFor(hera, [{ text: `${text} member`, media: [] }]);
    await expect(publisher.publish(member.ctx)).rejects.toMatchObject({ ambiguous: true });
    expect(await publisher.findExisting(member.ctx, { step: 'post', sentAt: member.journal.pending!.sentAt })).toMatchObject({ found: 'unknown' });
    // An upload whose answer was lost is simply made again.
    expect(await publisher.findExisting(member.ctx, { step: 'upload:0', sentAt: new Date() })).toEqual({ found: false });
  });

  it('keeps a 19-digit post URN exact, and maps errors: 429 waits, 401 auth, 403 scope, 426 a sunset version', async () => {
    fake.setNextPostId('9223372036854775801');
    const big = await publishAll(ctxFor(bakery, [{ text: `Big ${Date.now()}`, media: [] }]).ctx);
    expect(big.externalId).toBe('urn:li:share:9223372036854775801');

    fake.failNextCreate({ status: 429, body: { status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle' } });
    await expect(publisher.publish(ctxFor(bakery, [{ text: `Throttled ${Date.now()}`, media: [] }]).ctx)).rejects.toMatchObject({ kind: 'transient', retryAfterMs: 60_000 });
    await expect(publisher.publish(ctxFor(bakery, [{ text: `Bad token ${Date.now()}`, media: [] }], { accessToken: 'nope' }).ctx)).rejects.toMatchObject({ kind: 'auth' });
    const sunset = createLinkedInPublisher({ ...endpoints, version: '202506' });
    await expect(sunset.publish(ctxFor(bakery, [{ text: `Old ${Date.now()}`, media: [] }]).ctx)).rejects.toMatchObject({ kind: 'invalid', code: 'version_sunset' });
    // The Page permission taken back: refused as a missing scope, named.
    const other = await startLinkedInFake();
    try {
      const e2 = { ...endpoints, authUrl: other.url, apiUrl: other.url, clientId: other.clientId, clientSecret: other.clientSecret };
      const p = createLinkedInProvider(e2);
      const back = new URL(other.authorize(await p.authorizationUrl({ state: 's', redirectUri, codeChallenge: 'c', instance: null })));
      const got = await p.exchangeCode({ code: back.searchParams.get('code')!, state: 's', redirectUri, codeVerifier: 'x', instance: null });
      other.withdraw(other.members[0]!.id, 'w_organization_social');
      const refused = createLinkedInPublisher(e2).publish(ctxFor(bakery, [{ text: 'No permission', media: [] }], { accessToken: got.accessToken }).ctx);
      await expect(refused).rejects.toMatchObject({ kind: 'scope', scope: 'w_organization_social', message: expect.stringContaining('"w_organization_social"') });
    } finally {
      await other.close();
    }
  });

  it('reads counters: Page share statistics; a member post falls back to reactions and comments, unknown ones null', async () => {
    const page = await publishAll(ctxFor(bakery, [{ text: `Counted ${Date.now()}`, media: [] }]).ctx);
    fake.engage(page.externalId, { impressionCount: 300, uniqueImpressionsCount: 210, likeCount: 12, commentCount: 3, shareCount: 2, clickCount: 7 });
    const pageMetrics = await publisher.readMetrics!({ accessToken: tokens.accessToken, instance: null, externalAccountId: bakery }, [page.externalId]);
    expect(pageMetrics.get(page.externalId)).toEqual({ views: 300, reach: 210, likes: 12, comments: 3, shares: 2, extra: { clicks: 7 } });

    const mine = await publishAll(ctxFor(hera, [{ text: `Mine ${Date.now()}`, media: [] }]).ctx);
    fake.engage(mine.externalId, { likeCount: 5, commentCount: 1 });
    const memberMetrics = await publisher.readMetrics!({ accessToken: tokens.accessToken, instance: null, externalAccountId: hera }, [mine.externalId]);
    // A member's own post counters need a permission Herald was not given: unknown, never 0.
    expect(memberMetrics.get(mine.externalId)).toEqual({ views: null, reach: null, likes: null, comments: null, shares: null, extra: {} });
    const withAnalytics = createLinkedInPublisher({ ...endpoints, memberAnalytics: true });
    const analytics = await withAnalytics.readMetrics!({ accessToken: tokens.accessToken, instance: null, externalAccountId: hera }, [mine.externalId]);
    // The token lacks r_member_postAnalytics (not asked for): counts unknown, never 0.
    expect(analytics.get(mine.externalId)).toMatchObject({ views: null, likes: null });
  });
});

describe('LinkedIn through Herald: the picker and a reconnect', () => {
  let fake: LinkedInFake;
  let h: TestHerald;

  beforeAll(async () => {
    fake = await startLinkedInFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, ...linkedinEnv(fake) } });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('offers the member and their Company Page, connects both, and a reconnect keeps the same channels', async () => {
    const owner = await signUp(h.url);
    const workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'LinkedIn' })).body.id as string;
    const member = `urn:li:person:${fake.members[0]!.id}`;
    const first = await connectLinkedIn(h, owner.client, workspaceId, fake, [member, bakery]);
    expect(first.offered.map((a) => [a.externalId, a.displayName])).toEqual([
      [member, 'Hera Herald'],
      [bakery, 'Herald Bakery'],
    ]);
    const again = await connectLinkedIn(h, owner.client, workspaceId, fake, [bakery, member]);
    expect(again.ids).toEqual([first.ids[1], first.ids[0]]);
    const list = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items as { id: string; externalId: string; displayName: string; status: string }[];
    expect(list.filter((c) => c.status === 'ok').map((c) => [c.externalId, c.displayName]).sort()).toEqual([
      [bakery, 'Herald Bakery'],
      [member, 'Hera Herald'],
    ]);
    // Reading the Page's channel again keeps the Page's name (not the member behind the token).
    const refreshed = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/${first.ids[1]}/refresh`);
    expect(refreshed.body.channel).toMatchObject({ externalId: bakery, displayName: 'Herald Bakery', username: 'herald-bakery' });
    // Disconnecting the Page keeps the grant the member's channel still uses.
    const revokesBefore = fake.revocations.length;
    await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${first.ids[1]}`);
    expect(fake.revocations.length).toBe(revokesBefore);
    await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${first.ids[0]}`);
    expect(fake.revocations.length).toBe(revokesBefore + 1);
  }, 60_000);

  it('publishes an uploaded PDF as a document post end to end: bytes identical at LinkedIn, title kept; a PDF without a title is refused', async () => {
    const owner = await signUp(h.url);
    const workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'LinkedIn documents' })).body.id as string;
    const [pageChannel] = (await connectLinkedIn(h, owner.client, workspaceId, fake, [bakery])).ids;
    const pdf = buildPdf({ pages: 3, title: 'Report' });
    const uploaded = await uploadMedia(h, owner.client, workspaceId, { bytes: pdf, name: 'report.pdf', type: 'application/pdf' });
    const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
    const untitled = await owner.client.post(api('/posts'), { content: { text: 'No title', media: [{ mediaId: uploaded.id }] }, channels: [{ channelId: pageChannel }], schedule: { mode: 'now' } });
    expect(untitled.status, JSON.stringify(untitled.body)).toBe(400);
    expect(JSON.stringify(untitled.body)).toContain('needs a title');
    const text = `Our report ${Date.now()}`;
    const created = await owner.client.post(api('/posts'), {
      content: { text, media: [{ mediaId: uploaded.id }] },
      channels: [{ channelId: pageChannel, settings: { documentTitle: 'Quarterly report' } }],
      schedule: { mode: 'now' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: { state: string }) => ['published', 'failed'].includes(d.state)), 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published' });
    const post = fake.posts().find((p) => p.text === text)!;
    const content = post.content as { media: { id: string; title: string } };
    expect(content.media.title).toBe('Quarterly report');
    expect(fake.assets().find((a) => a.urn === content.media.id)!.bytes!.equals(pdf)).toBe(true);
  }, 60_000);
});
