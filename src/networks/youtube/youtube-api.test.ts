import { describe, expect, it } from 'vitest';
import { quotaWindow } from './server/youtube-api.ts';

describe('YouTube quota day', () => {
  it('runs from midnight to midnight Pacific, in winter and in summer', () => {
    expect(quotaWindow(new Date('2026-12-05T17:00:00Z'))).toEqual({ start: new Date('2026-12-05T08:00:00Z'), resetsAt: new Date('2026-12-06T08:00:00Z') });
    // 02:00 UTC on 6 December is still 5 December in California.
    expect(quotaWindow(new Date('2026-12-06T02:00:00Z')).start).toEqual(new Date('2026-12-05T08:00:00Z'));
    expect(quotaWindow(new Date('2026-07-01T12:00:00Z'))).toEqual({ start: new Date('2026-07-01T07:00:00Z'), resetsAt: new Date('2026-07-02T07:00:00Z') });
    // The day summer time starts (8 March 2026) is 23 hours long.
    expect(quotaWindow(new Date('2026-03-08T12:00:00Z'))).toEqual({ start: new Date('2026-03-08T08:00:00Z'), resetsAt: new Date('2026-03-09T07:00:00Z') });
  });
});
