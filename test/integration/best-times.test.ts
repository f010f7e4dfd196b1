import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, deliveries, deliveryMetrics, postGroups } from '../../src/server/db/schema/index.ts';
import { roles } from '../../src/shared/permissions.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';

// The best-times route over HTTP: who may read it, what it refuses, and that it answers from the
// workspace's posts in its zone (the rule itself is tested in best-times.test.ts beside the service).
describe('GET /workspaces/:id/analytics/best-times', () => {
  let h: TestHerald;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let channelId: string;
  const url = (query = '') => `/api/v1/workspaces/${team.workspaceId}/analytics/best-times${query}`;

  beforeAll(async () => {
    h = await startTestHerald();
    team = await createTeam(h.url, 'Best times');
    const db = h.herald.database.db;
    channelId = randomUUID();
    await db.insert(channels).values({ id: channelId, workspaceId: team.workspaceId, network: 'mastodon', externalId: channelId });
    expect((await team.members.owner.client.put(`/api/v1/workspaces/${team.workspaceId}/schedule-settings`, { timeZone: 'Europe/Berlin' })).status).toBe(200);
    // Six weeks back from now: Wednesdays at 08:00 UTC (09:00 or 10:00 in Berlin) did well, Mondays at 16:00 UTC did not.
    const content = { parts: [{ text: 'hello', media: [] }], settings: {} };
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
    for (let week = 0; week < 6; week++) {
      for (const [day, hour, likes] of [[2, 8, 40], [2, 8, 40], [0, 16, 4], [0, 16, 4]] as const) {
        const at = new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() - week * 7 + day, hour));
        const id = randomUUID();
        await db.insert(postGroups).values({ id, workspaceId: team.workspaceId, state: 'published', content, publishAt: at });
        await db.insert(deliveries).values({ id, workspaceId: team.workspaceId, postGroupId: id, channelId, network: 'mastodon', state: 'published', content, idempotencyKey: id, publishedAt: at });
        await db.insert(deliveryMetrics).values({ deliveryId: id, workspaceId: team.workspaceId, channelId, likes, comments: 0, shares: 0 });
      }
    }
  });
  afterAll(async () => h?.close());

  it('answers every role of the workspace, for the workspace and for one channel, in its zone', async () => {
    for (const role of roles) {
      const res = await team.members[role].client.get(url());
      expect(res.status, role).toBe(200);
    }
    const res = await team.members.viewer.client.get(url(`?channelId=${channelId}`));
    expect(res.body).toMatchObject({ timeZone: 'Europe/Berlin', channelId, basedOn: { posts: 24, weeks: 6 }, enough: true, minimumPosts: 20, minimumWeeks: 3 });
    // 08:00 UTC is 09:00 in Berlin in winter and 10:00 in summer: six weeks may span the change.
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    for (const s of res.body.suggestions) expect([9, 10]).toContain(s.hour);
    for (const s of res.body.suggestions) expect(s.weekday).toBe(3);
  });

  it('refuses unknown channels, bad input and people outside the workspace', async () => {
    const owner = team.members.owner.client;
    const unknown = await owner.get(url('?channelId=does-not-exist'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('channel.not_found');
    const tooLong = await owner.get(url(`?channelId=${'x'.repeat(101)}`));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('validation_failed');
    const empty = await owner.get(url('?channelId='));
    expect(empty.status).toBe(400);

    const stranger = await signUp(h.url);
    const theirs = (await stranger.client.post('/api/v1/workspaces', { name: 'Elsewhere' })).body.id as string;
    const outside = await stranger.client.get(url());
    expect([403, 404]).toContain(outside.status);
    // Their own workspace, asking for a channel of ours: not found, and nothing about it leaks.
    const crossed = await stranger.client.get(`/api/v1/workspaces/${theirs}/analytics/best-times?channelId=${channelId}`);
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe('channel.not_found');
  });
});
