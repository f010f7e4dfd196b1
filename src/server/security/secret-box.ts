import crypto from 'node:crypto';

// Format of a sealed value: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts. The key id
// travels with the value so keys can be rotated: any listed key opens, only the first seals.
const VERSION = 'v1';

export type EncryptionKey = { id: string; key: Buffer };

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** Parses `id:base64key,id2:base64key2`; each key must decode to 32 bytes (AES-256). */
export function parseEncryptionKeys(spec: string): EncryptionKey[] {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon <= 0) throw new SecretBoxError('each key must look like id:base64key');
      const id = part.slice(0, colon);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new SecretBoxError(`key id "${id}" must be 1-32 letters, digits, - or _`);
      const key = Buffer.from(part.slice(colon + 1), 'base64');
      if (key.length !== 32) throw new SecretBoxError(`key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (!keys.length) throw new SecretBoxError('no key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new SecretBoxError('key ids must be unique');
  return keys;
}

export function generateEncryptionKey(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${crypto.randomBytes(32).toString('base64')}`;
}

export function createSecretBox(keys: EncryptionKey[]) {
  if (!keys.length) throw new SecretBoxError('no encryption key');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const current = keys[0]!;
  return {
    currentKeyId: current.id,
    /** AES-256-GCM with a fresh random IV per value; `context` binds the value to its row and field. */
    seal(plaintext: string, context = ''): string {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed: string, context = ''): string {
      const [version, keyId, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !keyId || !iv || !tag || data === undefined) throw new SecretBoxError('not a sealed value');
      const key = byId.get(keyId);
      if (!key) throw new SecretBoxError(`sealed with key "${keyId}", which is not configured`);
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('sealed value is corrupt or was sealed for another context');
      }
    },
    /** True when the value should be re-sealed with the current key (`herald keys:rotate`). */
    needsRotation(sealed: string): boolean {
      return sealed.split('.')[1] !== current.id;
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
