// Hand-written examples for the posts calls people copy first (OpenAPI document, /api/docs): what
// a real scheduled post looks like is worth more to an integrator than values made from the schema.

import { defaultSettings, descriptors, type NetworkId } from '../../../networks/index.ts';

// Two networks from the registry (this module names none): one on the person's own server, one
// with its own sign-in form, each with its default settings.
const firstNetwork: NetworkId = descriptors.find((d) => d.connect === 'oauth-instance')?.id ?? descriptors[0].id;
const secondNetwork: NetworkId = descriptors.find((d) => d.signIn && d.id !== firstNetwork)?.id ?? descriptors[1].id;

const workspaceId = 'ws_7Hc2kQ9v';
const firstChannel = 'ch_4Tb8xR2m';
const secondChannel = 'ch_9Lp3sW6d';

/** POST …/posts: one text for two channels, the second with a shorter variant, at 09:00 in Paris. */
export const createPostBodyExample = {
  content: {
    text: 'Our spring collection is live: 40 new pieces, made to last. Shop the collection at https://example.com/spring 🌱',
    media: [{ mediaId: 'md_2Fq8zN1c', altText: 'Three linen shirts on a wooden rail' }],
  },
  channels: [
    { channelId: firstChannel, settings: defaultSettings(firstNetwork) },
    { channelId: secondChannel, text: 'Spring collection is live: 40 new pieces, made to last 🌱 https://example.com/spring', settings: defaultSettings(secondNetwork) },
  ],
  schedule: { mode: 'at', publishAt: '2026-03-16T09:00:00+01:00', timeZone: 'Europe/Paris' },
};

const delivery = (id: string, channelId: string, network: NetworkId, username: string, text?: string) => ({
  id,
  channelId,
  network,
  channel: { username, displayName: 'Fern & Field', status: 'ok', avatar: null },
  state: 'queued',
  content: text ? { text } : null,
  settings: defaultSettings(network),
  dueAt: '2026-03-16T08:00:00.000Z',
  nextAttemptAt: '2026-03-16T08:00:00.000Z',
  attemptCount: 0,
  late: false,
  paused: false,
  externalId: null,
  externalUrl: null,
  publishedAt: null,
  publishedBy: null,
  errorCode: null,
  errorMessage: null,
  actions: ['cancel'],
  metrics: null,
});

/** The post the example body creates, as the API answers it. */
export const postExample = {
  id: 'po_5Kd9wE3r',
  workspaceId,
  state: 'scheduled',
  content: createPostBodyExample.content,
  publishAt: '2026-03-16T08:00:00.000Z',
  timeZone: 'Europe/Paris',
  createdBy: 'us_1Ab4cD7e',
  createdAt: '2026-03-12T15:42:10.000Z',
  updatedAt: '2026-03-12T15:42:10.000Z',
  review: { overdue: false, approvedAt: null, approvedByName: null },
  deliveries: [
    delivery('dl_8Mn2bV5x', firstChannel, firstNetwork, 'fernandfield'),
    delivery('dl_3Qw7eR1t', secondChannel, secondNetwork, 'fernandfield', createPostBodyExample.channels[1]!.text),
  ],
};

/** GET …/posts: a page of one post and the cursor of the next page. */
export const postPageExample = { items: [postExample], nextCursor: 'eyJhdCI6IjIwMjYtMDMtMTZUMDg6MDA6MDAuMDAwWiIsImlkIjoicG9fNUtkOXdFM3IifQ' };
