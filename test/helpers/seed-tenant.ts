import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, uploadMedia } from './publishing.ts';
import { signUp, type TestHerald } from './test-herald.ts';

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export type Tenant = Awaited<ReturnType<typeof seedTenant>>;

/**
 * A user with a workspace holding one of everything the API names by id: a Mastodon channel with
 * posting times, a picture, a draft post with its delivery, a pending invitation, a member. The
 * walks aim at these ids.
 */
export async function seedTenant(h: TestHerald, mastodon: MastodonFake, name: string) {
  const user = await signUp(h.url, { name });
  const must = <T extends { status: number; body: any }>(res: T, what: string, status = 200): T => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const workspaceId = must(await user.client.post('/api/v1/workspaces', { name: `${name}'s workspace` }), 'workspace', 201).body.id as string;
  const channelId = await connectMastodon(h, user.client, workspaceId, mastodon);
  must(await user.client.put(`/api/v1/workspaces/${workspaceId}/schedule-settings`, { timeZone: 'Europe/Berlin' }), 'time zone');
  must(await user.client.put(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/slots`, { slots: [{ weekday: 1, minute: 540 }] }), 'slots');
  const mediaId = (await uploadMedia(h, user.client, workspaceId, { bytes: png, name: 'dot.png', type: 'image/png' })).id;
  const post = must(
    await user.client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: `${name} says hello`, media: [{ mediaId, altText: 'a dot' }] },
      channels: [{ channelId }],
      schedule: { mode: 'draft', publishAt: '2031-01-01T09:00:00+01:00', timeZone: 'Europe/Berlin' },
    }),
    'post',
    201,
  ).body;
  const invitationId = must(await user.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: `invitee-${user.id}@example.com`, role: 'viewer' }), 'invitation', 201).body
    .id as string;
  const memberList = must(await user.client.get(`/api/v1/workspaces/${workspaceId}/members`), 'members').body.items as { id: string; userId: string }[];
  const memberId = memberList.find((m) => m.userId === user.id)!.id;
  return {
    user,
    ids: {
      workspaceId,
      channelId,
      mediaId,
      postId: post.id as string,
      deliveryId: post.deliveries[0].id as string,
      invitationId,
      memberId,
      id: user.id,
      network: 'mastodon',
    } as Record<string, string>,
  };
}
