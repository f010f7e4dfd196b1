import { expect } from 'vitest';
import type { Client } from '../../helpers/test-herald.ts';
import type { XFake } from './x-fake.ts';

/** Connects the fake's current user through Herald's consent round trip; answers the channel id. `base` is Herald's address. */
export async function connectX(base: string, client: Client, workspaceId: string, fake: XFake): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'x' });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const back = new URL(fake.authorize(start.body.authorizationUrl));
  const res = await client.get(back.pathname + back.search);
  const id = new URL(res.headers.get('location')!, base).searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${res.headers.get('location')}`);
  return id;
}
