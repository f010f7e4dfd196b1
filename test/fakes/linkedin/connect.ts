import { expect } from 'vitest';
import type { Client, TestHerald } from '../../helpers/test-herald.ts';
import type { LinkedInFake } from './linkedin-fake.ts';

/**
 * Connects through Herald's real flow: LinkedIn's authorization page, the callback that offers the
 * member and the Company Pages they administer, and the picker that turns the chosen ones (URNs)
 * into channels. Answers the channel ids in the order of `externalIds`, and what was offered.
 */
export async function connectLinkedIn(h: TestHerald, client: Client, workspaceId: string, fake: LinkedInFake, externalIds: string[]) {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'linkedin' });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const callback = new URL(fake.authorize(start.body.authorizationUrl));
  const back = await client.get(callback.pathname + callback.search);
  expect(back.status, JSON.stringify(back.body)).toBe(302);
  const location = new URL(back.headers.get('location')!, h.url);
  const selectionId = location.searchParams.get('choose');
  if (!selectionId) throw new Error(`connect did not offer accounts: ${location.toString()}`);
  const offered = await client.get(`/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`);
  expect(offered.status, JSON.stringify(offered.body)).toBe(200);
  const picked = await client.post(`/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`, { externalIds });
  expect(picked.status, JSON.stringify(picked.body)).toBe(201);
  const channels = picked.body.channels as { id: string; externalId: string }[];
  return { ids: externalIds.map((id) => channels.find((c) => c.externalId === id)!.id), offered: offered.body.accounts as { externalId: string; displayName: string | null; note: string | null }[] };
}
