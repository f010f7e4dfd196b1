import { describe, expect, it } from 'vitest';
import { presetRange, rangeFromParams } from './dashboard-range.ts';

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
    expect(read('range=custom&from=2026-02-01&to=2026-01-31').problem).toMatch(/must not be after/);
    expect(read('range=custom&from=2020-01-01&to=2026-01-31').problem).toMatch(/at most 731 days/);
    expect(read('range=custom&from=soon').problem).toMatch(/both days/);
    expect(read('range=bogus')).toMatchObject({ preset: '30d' });
  });
});
