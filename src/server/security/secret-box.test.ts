import { describe, expect, it } from 'vitest';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from './secret-box.ts';

describe('secret box', () => {
  const [a] = parseEncryptionKeys(generateEncryptionKey('a'));
  const [b] = parseEncryptionKeys(generateEncryptionKey('b'));

  it('round-trips and never repeats a ciphertext for the same value', () => {
    const box = createSecretBox([a!]);
    const one = box.seal('access-token-123', 'channel:1:access');
    const two = box.seal('access-token-123', 'channel:1:access');
    expect(one).not.toEqual(two);
    expect(one).not.toContain('access-token-123');
    expect(one.split('.')[1]).toBe('a');
    expect(box.open(one, 'channel:1:access')).toBe('access-token-123');
  });

  it('refuses a value moved to another context or tampered with', () => {
    const box = createSecretBox([a!]);
    const sealed = box.seal('secret', 'channel:1:access');
    expect(() => box.open(sealed, 'channel:2:access')).toThrow(/another context/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(() => box.open(parts.join('.'), 'channel:1:access')).toThrow();
  });

  it('reads with any configured key and writes with the first (rotation)', () => {
    const old = createSecretBox([a!]).seal('v', 'x');
    const rotated = createSecretBox([b!, a!]);
    expect(rotated.open(old, 'x')).toBe('v');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.seal('v', 'x'))).toBe(false);
    expect(() => createSecretBox([b!]).open(old, 'x')).toThrow(/not configured/);
  });

  it('rejects malformed key specs', () => {
    expect(() => parseEncryptionKeys('nokey')).toThrow();
    expect(() => parseEncryptionKeys('a:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseEncryptionKeys(`${generateEncryptionKey('a')},${generateEncryptionKey('a')}`)).toThrow(/unique/);
  });
});
