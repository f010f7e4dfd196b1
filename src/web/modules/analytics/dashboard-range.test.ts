import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { MAX_RANGE_DAYS, presetRange, presets, rangeFromParams } from './dashboard-range.ts';

// The range presets count calendar days back from today, both ends included.
describe('dashboard range', () => {
  const today = new Date(2026, 2, 15, 13, 0); // 15 March 2026, local time

  it('counts presets back from today', () => {
    expect(presetRange('7d', today)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(presetRange('30d', today)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(presetRange('90d', today)).toEqual({ from: '2025-12-16', to: '2026-03-15' });
    expect(presetRange('month', today)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetRange('last-month', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last-month', new Date(2026, 0, 10))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('reads a custom range, and says why one cannot be used', () => {
    const read = (q: string) => rangeFromParams(new URLSearchParams(q), today);
    expect(read('')).toMatchObject({ preset: '30d', from: '2026-02-14', problem: null });
    expect(read('range=custom&from=2026-01-01&to=2026-01-31')).toEqual({ preset: 'custom', from: '2026-01-01', to: '2026-01-31', problem: null });
    expect(read('range=custom&from=2026-02-01&to=2026-01-31').problem).toBe('order');
    expect(read('range=custom&from=2020-01-01&to=2026-01-31').problem).toBe('tooLong');
    expect(read('range=custom&from=soon').problem).toBe('missing');
    expect(read('range=bogus')).toMatchObject({ preset: '30d' });
  });

  it('has words for every preset and every reason, in each language', () => {
    const en = i18n.getFixedT('en', 'analytics');
    const fr = i18n.getFixedT('fr', 'analytics');
    expect(presets.map((p) => en(`range.presets.${p.id}`))).toEqual(['Last 7 days', 'Last 30 days', 'Last 90 days', 'This month', 'Last month', 'Custom']);
    expect(en('range.problem.order')).toBe('The first day must not be after the last.');
    expect(en('range.problem.tooLong', { max: MAX_RANGE_DAYS })).toBe('A range can be at most 731 days.');
    expect(en('range.problem.missing')).toBe('Choose both days of the range.');
    for (const p of presets) expect(fr(`range.presets.${p.id}`)).not.toBe(en(`range.presets.${p.id}`));
    expect(fr('range.problem.tooLong', { max: MAX_RANGE_DAYS })).toContain('731');
  });
});
