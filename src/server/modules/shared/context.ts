import type { Db } from '../../db/database.ts';
import type { RequestMeta } from '../audit/audit.service.ts';

/** What every service function receives: the database and who is acting, from where. */
export type ServiceContext = {
  db: Db;
  actor: { userId: string; email: string } & RequestMeta;
};
