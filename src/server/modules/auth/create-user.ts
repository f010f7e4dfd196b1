import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import { openDatabase } from '../../db/database.ts';
import { createAuth } from './auth.ts';
import { createMailer } from '../mail/mailer.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadOrCreateSecret, trustedOriginsFor } from '../../runtime.ts';

/** `herald user:create`: an operator adds a user from the shell, whatever the sign-up setting. */
export async function createUser(options: { config: Config; logger: Logger; email: string; name: string; password: string }) {
  const { config, logger } = options;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataPath: config.dataPath });
  try {
    await database.migrate();
    const auth = createAuth({
      config,
      db: database.db,
      mailer: createMailer({ from: config.smtpFrom, logger }),
      secret: loadOrCreateSecret(config, logger),
      trustedOrigins: trustedOriginsFor(config),
    });
    const result = await auth.api.signUpEmail({ body: { email: options.email, name: options.name, password: options.password } });
    const user = result.user as typeof result.user & { isOperator?: boolean };
    await recordAudit(database.db, { actorUserId: null, action: 'user.created', entityType: 'user', entityId: user.id, changes: { via: 'cli' } });
    return { id: user.id, email: user.email, isOperator: !!user.isOperator };
  } finally {
    await database.close();
  }
}
