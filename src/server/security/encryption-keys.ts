import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { createDataDir, DATA_FILE_MODE } from '../db/data-dir-modes.ts';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys, type SecretBox } from './secret-box.ts';

export const keysFile = (config: Config) => path.join(config.dataPath, 'encryption.keys');

/**
 * The token-encryption keys: HERALD_ENCRYPTION_KEYS, or a key file generated once in the data
 * folder (embedded mode). Losing the file makes every stored token unreadable, hence the warning.
 */
export function loadSecretBox(config: Config, logger: Logger): SecretBox {
  if (config.encryptionKeys) return createSecretBox(parseEncryptionKeys(config.encryptionKeys));
  const file = keysFile(config);
  if (!fs.existsSync(file)) {
    createDataDir(config.dataPath);
    fs.writeFileSync(file, `${generateEncryptionKey('k1')}\n`, { mode: DATA_FILE_MODE, flag: 'wx' });
    logger.warn({ file }, 'Generated the token encryption key in the data folder. BACK IT UP: without it, connected channels must be reconnected.');
  }
  return createSecretBox(parseEncryptionKeys(fs.readFileSync(file, 'utf8').trim()));
}
