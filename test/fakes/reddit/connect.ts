import { expect } from 'vitest';
import type { Client, TestHerald } from '../../helpers/test-herald.ts';
import type { RedditFake } from './reddit-fake.ts';

/** Connects the fake's current user through Herald's consent round trip (with the scopes in `grant` allowed, or all); answers the channel id. */
export async function connectReddit(h: TestHerald, client: Client, workspaceId: string, fake: RedditFake, choice: { grant?: string[] } = {}): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'reddit' });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const back = fake.authorize(start.body.authorizationUrl, choice);
  const res = await client.get(back.replace(/^https?:\/\/[^/]+/, ''));
  const id = new URL(res.headers.get('location')!, h.url).searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${res.headers.get('location')}`);
  return id;
}
