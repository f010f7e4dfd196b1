import { expect } from 'vitest';
import type { Client } from '../../helpers/test-herald.ts';
import type { YouTubeFake } from './youtube-fake.ts';

/**
 * Connects the fake's current channel through Herald's consent round trip (Google's consent page,
 * with the scopes in `grant` ticked, or all); answers the channel id. `base` is Herald's address.
 */
export async function connectYouTube(base: string, client: Client, workspaceId: string, fake: YouTubeFake, choice: { grant?: string[] } = {}): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'youtube' });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const back = fake.authorize(start.body.authorizationUrl, choice);
  const res = await client.get(back.replace(/^https?:\/\/[^/]+/, ''));
  const id = new URL(res.headers.get('location')!, base).searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${res.headers.get('location')}`);
  return id;
}
