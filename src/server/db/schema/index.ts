export * from './auth.schema.ts';
export * from './logs.schema.ts';
export * from './channels.schema.ts';
export * from './notifications.schema.ts';
export * from './posts.schema.ts';
export * from './media.schema.ts';
export * from './privacy.schema.ts';
export * from './analytics.schema.ts';
