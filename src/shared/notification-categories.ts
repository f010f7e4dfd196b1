// What a person can choose to receive by e-mail; every notification also shows in the app.
export const notificationCategories = ['approvals', 'comments', 'failures', 'preflight', 'channels', 'webhooks'] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

export const notificationCategoryLabels: Record<NotificationCategory, { label: string; description: string }> = {
  approvals: { label: 'Approvals', description: 'A post waits for your review, or your post was approved or sent back with changes' },
  comments: { label: 'Comments and mentions', description: 'Someone mentions you in a comment on a post' },
  failures: { label: 'Failed posts', description: 'A post failed or a network did not confirm it' },
  preflight: { label: 'Before a post goes out', description: 'A scheduled post would fail (channel to reconnect, permission missing, quota)' },
  channels: { label: 'Channels', description: 'A channel must be reconnected or its access is ending' },
  webhooks: { label: 'Webhooks', description: 'Herald turned a webhook endpoint off because it kept failing' },
};
