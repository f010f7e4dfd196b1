import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { formatCount, formatDate, formatDateTime, formatFileSize, relativeTime, roleLabel, shortUserAgent, dateParts, writeDate } from './format.ts';

// Dates, numbers and the words format.ts writes follow the interface's language.
describe('format in the interface language', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('writes English as before', async () => {
    await i18n.changeLanguage('en');
    expect(formatFileSize(0)).toBe('0 KB');
    expect(formatFileSize(300)).toBe('1 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatFileSize(1500 * 1024 ** 3)).toBe('1500.0 GB');
    expect(formatCount(63155)).toBe('63,155');
    expect(relativeTime(new Date(Date.now() - 10_000))).toBe('just now');
    expect(relativeTime(new Date(Date.now() - 3 * 3600_000))).toBe('3 hours ago');
    expect(roleLabel('admin')).toBe('Admin');
    expect(roleLabel('custom')).toBe('Custom');
    expect(shortUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/131.0 Safari/537.36')).toBe('Chrome 131 on macOS');
    expect(shortUserAgent(null)).toBe('Unknown device');
  });

  it("keeps the browser's regional variant of the interface language", async () => {
    vi.stubGlobal('navigator', { language: 'en-GB', languages: ['en-GB', 'fr-CA'] });
    await i18n.changeLanguage('en');
    expect(formatDate(new Date(2026, 11, 7))).toBe('7 Dec 2026');
    await i18n.changeLanguage('fr');
    expect(formatDate(new Date(2026, 11, 7))).toBe('7 déc. 2026');
    vi.stubGlobal('navigator', { language: 'de-DE', languages: ['de-DE'] });
    await i18n.changeLanguage('en');
    expect(formatDate(new Date(2026, 11, 7))).toBe('Dec 7, 2026');
  });

  it('writes French numbers, dates, units and words', async () => {
    await i18n.changeLanguage('fr');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1,5\u00a0Mo');
    expect(formatCount(63155)).toMatch(/^63\s155$/);
    expect(formatDateTime(new Date(2026, 11, 7, 15, 5))).toContain('déc.');
    expect(relativeTime(new Date(Date.now() - 10_000))).toBe('à l’instant');
    expect(relativeTime(new Date(Date.now() - 3 * 3600_000))).toBe('il y a 3 heures');
    expect(roleLabel('admin')).toBe('Administrateur');
    expect(shortUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/131.0 Safari/537.36')).toBe('Chrome 131 sur macOS');
  });
});

describe('the first of the month in French', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('writes « 1er » next to a month’s name, and nowhere else', async () => {
    await i18n.changeLanguage('fr');
    expect(formatDate(new Date(2026, 11, 1))).toBe('1er déc. 2026');
    expect(formatDate(new Date(2026, 11, 11))).toBe('11 déc. 2026');
    expect(writeDate(new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long' }), new Date(2026, 0, 1))).toBe('1er janvier');
    expect(writeDate(new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'numeric' }), new Date(2026, 0, 1))).toBe('01/01');
    await i18n.changeLanguage('en');
    expect(formatDate(new Date(2026, 11, 1))).toBe('Dec 1, 2026');
  });
});

describe('the first of the month as parts', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('gives the calendar the same « 1er » its accessible name says', async () => {
    const format = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short' });
    expect(dateParts(format, new Date(2026, 11, 1), 'fr').map((p) => p.value).join('')).toBe(writeDate(format, new Date(2026, 11, 1), 'fr'));
    expect(dateParts(format, new Date(2026, 11, 1), 'fr').find((p) => p.type === 'day')?.value).toBe('1er');
  });
});
