import { expect } from 'vitest';
import type { Client, TestHerald } from '../../helpers/test-herald.ts';
import type { FacebookFake } from './facebook-fake.ts';

/**
 * Connects Facebook Pages through Herald's real flow: the Login dialog (with these permissions
 * left ticked, all by default), the callback that offers the person's Pages, and the picker that
 * turns the chosen ones into channels. Answers the channel ids, in the order of `pageIds`.
 */
export async function connectFacebookPages(h: TestHerald, client: Client, workspaceId: string, fake: FacebookFake, pageIds: string[], grant?: string[]): Promise<string[]> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'facebook' });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const callback = new URL(fake.authorize(start.body.authorizationUrl, grant ? { grant } : {}));
  const back = await client.get(callback.pathname + callback.search);
  expect(back.status, JSON.stringify(back.body)).toBe(302);
  const location = new URL(back.headers.get('location')!, h.url);
  const selectionId = location.searchParams.get('choose');
  if (!selectionId) throw new Error(`connect did not offer Pages: ${location.toString()}`);
  const offered = await client.get(`/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`);
  expect(offered.status, JSON.stringify(offered.body)).toBe(200);
  const picked = await client.post(`/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`, { externalIds: pageIds });
  expect(picked.status, JSON.stringify(picked.body)).toBe(201);
  const channels = picked.body.channels as { id: string; externalId: string }[];
  return pageIds.map((id) => channels.find((c) => c.externalId === id)!.id);
}
