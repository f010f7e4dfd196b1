// What a person can choose to receive by e-mail; every notification also shows in the app. Their
// names are words: the web's `notifications` namespace (email.categories) and the server's `mail`
// (notification.category, in the e-mails).
export const notificationCategories = ['approvals', 'comments', 'failures', 'preflight', 'channels', 'webhooks'] as const;
export type NotificationCategory = (typeof notificationCategories)[number];
