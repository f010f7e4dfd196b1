import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/config.ts';
import { createLogger, startHerald, type Mode } from './runtime.ts';
import { openDatabase } from './db/database.ts';
import { buildWebIfStale } from './web-build.ts';
import { createUser } from './modules/auth/create-user.ts';
import { rotateSecrets } from './security/rotate-keys.ts';
import { loadSecretBox } from './security/encryption-keys.ts';
import { operationsUsage, runOperation } from './operations/commands.ts';

const usage = `Usage: herald <command>

Commands:
  start         build the web app if it changed, then run everything in one process (npm start)
  all           web app, API and job worker in one process (default)
  serve         web app and API only (scaled mode: run workers separately)
  worker        job worker only (scaled mode, DATABASE_URL required)
  migrate       apply database migrations and exit
  user:create   create a user: --email, --name, and the password in HERALD_NEW_PASSWORD or --password
  keys:rotate   re-encrypt every stored token with the first key of HERALD_ENCRYPTION_KEYS
${operationsUsage}

Settings come from the environment; see docs/configuration.md.`;

async function main(argv: string[]) {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'all';
  if (command === 'help' || argv.includes('--help')) {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config);

  switch (command) {
    case 'start':
    case 'all':
    case 'serve':
    case 'worker': {
      if (command === 'start') await buildWebIfStale(logger);
      const mode: Mode = command === 'start' ? 'all' : command;
      if (mode !== 'all' && !config.databaseUrl) {
        logger.warn(`"${mode}" alone on the embedded database: nothing else can open it, so ${mode === 'serve' ? 'no job will run' : 'nobody serves the web app'}. Use "all", or DATABASE_URL for the scaled mode.`);
      }
      const herald = await startHerald({ mode, config, logger });
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'stopping');
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        await herald.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      return;
    }
    case 'migrate': {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataPath: config.dataPath });
      await database.migrate();
      await database.close();
      logger.info({ database: database.kind }, 'migrations applied');
      return;
    }
    case 'user:create': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
      });
      const password = values.password ?? process.env.HERALD_NEW_PASSWORD;
      if (!values.email || !values.name || !password) {
        console.error('user:create needs --email, --name and a password (HERALD_NEW_PASSWORD or --password)');
        process.exitCode = 2;
        return;
      }
      const user = await createUser({ config, logger, email: values.email, name: values.name, password });
      console.log(`Created ${user.email} (${user.id})${user.isOperator ? ', the operator of this instance' : ''}`);
      return;
    }
    case 'keys:rotate': {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataPath: config.dataPath });
      try {
        await database.migrate();
        const count = await rotateSecrets(database.db, loadSecretBox(config, logger));
        console.log(`Re-encrypted ${count} secret(s) with the newest key.`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'backup':
    case 'restore':
    case 'move-to-postgres':
      await runOperation(command, argv.slice(1), config);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Expected failures (bad settings, a refused user, a locked data folder) get one line, not a stack.
  if (error instanceof ConfigError || (error instanceof Error && ['APIError', 'DataDirLockedError', 'DataDirMovedError', 'OperationError', 'SnapshotUnavailableError'].includes(error.name))) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
