// Writes docs/openapi.json from the route schemas (the same document /api/docs serves).
// `--check` fails when the committed file differs, so API changes are reviewed with the code.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../src/server/config/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createMailer } from '../src/server/modules/mail/mailer.ts';
import { createDiskStorage } from '../src/server/modules/media/media.storage.ts';
import { createQueue } from '../src/server/jobs/queue.ts';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from '../src/server/security/secret-box.ts';

/** The text of docs/openapi.json, built from an app on a throwaway data folder (the lint test uses it too). */
export async function buildOpenApiText(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-openapi-'));
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ HERALD_DATA_DIR: dataDir, HERALD_PUBLIC_URL: 'http://localhost:3000' });
  const database = await openDatabase({ dataPath: config.dataPath });
  try {
    const { app } = await buildApp({
      config,
      database,
      logger,
      mailer: createMailer({ from: config.smtpFrom, logger }),
      secret: crypto.randomBytes(48).toString('base64url'),
      trustedOrigins: [config.publicOrigin],
      providers: {},
      box: createSecretBox(parseEncryptionKeys(generateEncryptionKey())),
      // Routes are registered, never called: the queue is not started.
      boss: createQueue(database, { pollSeconds: 2, logger, runsMaintenance: false }),
      storage: createDiskStorage(path.join(dataDir, 'media')),
    });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await buildOpenApiText();
  const target = new URL('../docs/openapi.json', import.meta.url);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('docs/openapi.json is out of date: run `npm run docs:openapi` and commit it.');
      process.exitCode = 1;
    } else console.log('docs/openapi.json is up to date');
  } else {
    fs.writeFileSync(target, text);
    console.log('wrote docs/openapi.json');
  }
}
