// The dashboard's date range: presets counted back from today, or a custom from/to. Days are
// YYYY-MM-DD as the server counts them (the workspace's zone); "today" is the browser's, which is
// the workspace's for nearly everyone and at most a day apart for the rest.

// Each label is the key `range.presets.<id>` of the analytics namespace.
export const presets = [{ id: '7d' }, { id: '30d' }, { id: '90d' }, { id: 'month' }, { id: 'last-month' }, { id: 'custom' }] as const;
export type PresetId = (typeof presets)[number]['id'];
export const DEFAULT_PRESET = '30d' satisfies PresetId;
/** The server's limit (MAX_RANGE_DAYS): a longer custom range is refused before asking. */
export const MAX_RANGE_DAYS = 731;

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export const isPreset = (value: string | null): value is PresetId => presets.some((p) => p.id === value);

/** The days a preset covers on `today` (both ends included). */
export function presetRange(preset: Exclude<PresetId, 'custom'>, today = new Date()): { from: string; to: string } {
  const back = (days: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  switch (preset) {
    case '7d':
      return { from: dayOf(back(6)), to: dayOf(today) };
    case '30d':
      return { from: dayOf(back(29)), to: dayOf(today) };
    case '90d':
      return { from: dayOf(back(89)), to: dayOf(today) };
    case 'month':
      return { from: dayOf(new Date(today.getFullYear(), today.getMonth(), 1)), to: dayOf(today) };
    case 'last-month':
      return { from: dayOf(new Date(today.getFullYear(), today.getMonth() - 1, 1)), to: dayOf(new Date(today.getFullYear(), today.getMonth(), 0)) };
  }
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Why a custom range cannot be used; the screen says it with the key `range.problem.<reason>`. */
export type RangeProblem = 'missing' | 'order' | 'tooLong';

/** The range the query string asks for; a custom range with bad days falls back to the default preset, with the reason. */
export function rangeFromParams(params: URLSearchParams, today = new Date()): { preset: PresetId; from: string; to: string; problem: RangeProblem | null } {
  const preset = isPreset(params.get('range')) ? (params.get('range') as PresetId) : DEFAULT_PRESET;
  if (preset !== 'custom') return { preset, ...presetRange(preset, today), problem: null };
  const from = params.get('from');
  const to = params.get('to');
  const fallback = { preset: 'custom' as const, ...presetRange(DEFAULT_PRESET, today) };
  if (!isDay(from) || !isDay(to)) return { ...fallback, problem: 'missing' };
  if (from > to) return { ...fallback, problem: 'order' };
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return { ...fallback, problem: 'tooLong' };
  return { preset, from, to, problem: null };
}
