// What a webhook endpoint can subscribe to, with the line the web app shows next to each box.
// Only events something in Herald emits are listed; `webhook.test` is sent on request only.
export const webhookEvents = {
  'post.scheduled': 'A post was scheduled (or rescheduled) to go out at a time',
  'post.submitted_for_review': 'A post waits for an approver before it is scheduled',
  'post.approved': 'An approver approved a post',
  'post.changes_requested': 'An approver sent a post back to its author with changes to make',
  'post.published': 'A post went out on one channel (one event per channel, with its link)',
  'post.failed': 'A post could not be published on one channel (with the reason)',
  'post.unconfirmed': "A network did not say whether a post went out; a person must look",
  'post.deleted': 'A post was deleted',
  'channel.needs_reconnect': 'A channel no longer accepts Herald’s access and must be connected again',
  'analytics.report_ready': 'The monthly analytics report was made and e-mailed (with its period and links)',
} as const;

export type WebhookEventType = keyof typeof webhookEvents;
export const webhookEventTypes = Object.keys(webhookEvents) as WebhookEventType[];

/** The ping an endpoint gets from its Send test event button; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
export const webhookTestEventDescription = 'A test event sent from the web app or the API, to check the endpoint';

/** Most endpoints a workspace can have. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
