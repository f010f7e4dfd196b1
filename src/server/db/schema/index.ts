export * from './auth.schema.ts';
export * from './logs.schema.ts';
