import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicOrigin).toBe('http://localhost:3000');
    expect(config.secure).toBe(false);
    expect(config.sessionIdleDays).toBe(30);
    expect(config.accessLogDays).toBe(90);
    expect(config.disableSignup).toBe(false);
  });

  it('reports every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', HERALD_ACCESS_LOG_DAYS: '-1', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect((error as ConfigError).problems).toHaveLength(3);
    for (const name of ['PORT', 'HERALD_ACCESS_LOG_DAYS', 'DATABASE_URL']) expect(problems).toContain(name);
  });

  it('refuses weak secrets, and sample secrets in production', () => {
    expect(() => loadConfig({ HERALD_SECRET: 'short' })).toThrow(/HERALD_SECRET/);
    const sample = 'changeme-changeme-changeme-changeme-123';
    expect(loadConfig({ HERALD_SECRET: sample }).secret).toBe(sample);
    expect(() => loadConfig({ HERALD_SECRET: sample, NODE_ENV: 'production' })).toThrow(/sample value/);
  });

  it('derives the origin and https from HERALD_PUBLIC_URL', () => {
    const config = loadConfig({ HERALD_PUBLIC_URL: 'https://herald.example.com/some/path' });
    expect(config.publicOrigin).toBe('https://herald.example.com');
    expect(config.secure).toBe(true);
    expect(() => loadConfig({ HERALD_PUBLIC_URL: 'ftp://x' })).toThrow(/HERALD_PUBLIC_URL/);
  });

  it('reads booleans strictly', () => {
    expect(loadConfig({ HERALD_DISABLE_SIGNUP: 'true' }).disableSignup).toBe(true);
    expect(() => loadConfig({ HERALD_DISABLE_SIGNUP: 'maybe' })).toThrow(/HERALD_DISABLE_SIGNUP/);
  });
});
