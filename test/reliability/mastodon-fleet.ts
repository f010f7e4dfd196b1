import crypto from 'node:crypto';
import { expect } from 'vitest';
import { startMastodonFake, type MastodonFake, type MastodonFakeOptions } from '../fakes/mastodon/mastodon-fake.ts';
import type { ApiResponse, Client } from '../helpers/test-herald.ts';

// Many Mastodon accounts for the reliability tests: the engine spaces creating calls per account
// (one a second on Mastodon), so hundreds of deliveries only go out quickly across many channels.
// Each fake is one account on its own instance.

export type Channel = { id: string; fake: MastodonFake };

/** The account of the fleet's fake number `i`: distinct ids, as a workspace holds one channel per account of a network. */
export const fleetAccount = (i: number) => ({ id: String(109_000_000_000_100_000n + BigInt(i)), username: `fleet${i}`, displayName: `Fleet ${i}` });

export async function startMastodonFleet(count: number, options: Omit<MastodonFakeOptions, 'account'> = {}, first = 0): Promise<MastodonFake[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => startMastodonFake({ ...options, account: fleetAccount(first + i) })));
}

/** Connects one fake's account through Herald's consent round trip (as a browser would); answers the channel id. */
export async function connectFake(client: Client, workspaceId: string, fake: MastodonFake): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'mastodon', instance: fake.domain });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const res = await client.get(fake.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
  const id = new URL(res.headers.get('location') ?? '/', 'http://herald').searchParams.get('connected');
  if (!id) throw new Error(`connecting ${fake.domain} failed: ${res.status} ${res.headers.get('location')}`);
  return id;
}

/**
 * Schedules `posts` posts on every channel, each channel with its own text (so every delivery can
 * be found at the network by its text). Answers the deliveries with the text each one sends.
 */
export async function schedulePosts(client: Client, workspaceId: string, channels: Channel[], options: { posts: number; publishAt: Date; label: string }) {
  const run = crypto.randomBytes(3).toString('hex');
  const deliveries: { postId: string; deliveryId: string; channel: Channel; text: string }[] = [];
  for (let p = 0; p < options.posts; p += 1) {
    const textOf = (c: number) => `${options.label} ${run} post ${p} channel ${c}`;
    const res = await client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'overridden per channel' },
      channels: channels.map((channel, c) => ({ channelId: channel.id, text: textOf(c) })),
      schedule: { mode: 'at', publishAt: options.publishAt.toISOString(), timeZone: 'UTC' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    for (const delivery of res.body.deliveries) {
      const c = channels.findIndex((channel) => channel.id === delivery.channelId);
      deliveries.push({ postId: res.body.id, deliveryId: delivery.id, channel: channels[c]!, text: textOf(c) });
    }
  }
  return deliveries;
}

/** Every delivery of the workspace, by id (the posts list, all pages). */
export async function readDeliveries(client: Client, workspaceId: string) {
  const byId = new Map<string, any>();
  let cursor: string | null = null;
  do {
    const res: ApiResponse = await client.get(`/api/v1/workspaces/${workspaceId}/posts?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`listing posts failed: ${res.status} ${JSON.stringify(res.body)}`);
    for (const post of res.body.items) for (const delivery of post.deliveries) byId.set(delivery.id, { ...delivery, postId: post.id });
    cursor = res.body.nextCursor;
  } while (cursor);
  return byId;
}

/** Statuses the fake holds with this text (deleted ones included: a duplicate is a duplicate). */
export const statusesWithText = (fake: MastodonFake, text: string) => fake.statuses.filter((s) => s.text === text);
