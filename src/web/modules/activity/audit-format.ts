import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/format.ts';

/** The `t` of the `activity` namespace (a component's `useTranslation('activity').t`). */
export type Translate = TFunction<'activity'>;

// How audit rows read to a person, in the reader's language (`actions.<code>` in the `activity`
// namespace). Codes the server adds later still show, as their raw code.
export const actionLabel = (t: Translate, action: string): string => t(`actions.${action}`, { defaultValue: action });

// Values the server records as codes; anything else reads as it was recorded.
const valueKeys: Record<string, string> = {
  invalid_second_factor: 'invalidSecondFactor',
  invalid_password: 'invalidPassword',
  invalid_email_or_password: 'invalidEmailOrPassword',
  'password+2fa': 'passwordAndSecondFactor',
};

function show(t: Translate, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('values.none');
  if (typeof value === 'boolean') return value ? t('values.yes') : t('values.no');
  if (Array.isArray(value)) return value.map((v) => show(t, v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  // Instants read in the viewer's zone, like the rest of the page.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value)) return formatDateTime(value);
  const key = valueKeys[String(value)];
  return key ? t(`values.${key}`) : String(value);
}

/** A field by its name in the reader's language when known, else its code spelled out ("time zone"). */
const keyLabel = (t: Translate, key: string) =>
  t(`fields.${key}`, {
    defaultValue: key
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase(),
  });

/** Keys the entry's named entity already says (a comment's post). */
const shownElsewhere = new Set(['postId']);

/**
 * `{ role: { from, to } }` reads "role: editor → admin"; a first value reads "role: editor". Ids
 * read as the names the server resolved (`names`), never as ids.
 */
export function describeChanges(t: Translate, changes: Record<string, unknown> | null, names: Record<string, string> = {}): string[] {
  if (!changes) return [];
  const named = (value: unknown): string =>
    typeof value === 'string' && names[value] ? names[value] : Array.isArray(value) && value.some((v) => typeof v === 'string' && names[v]) ? value.map(named).join(', ') : show(t, value);
  return Object.entries(changes)
    .filter(([key]) => !shownElsewhere.has(key))
    .map(([key, value]) => {
      const label = keyLabel(t, key.replace(/(?<=.)Id$/, ''));
      if (value && typeof value === 'object' && !Array.isArray(value) && 'to' in value) {
        const { from, to } = value as { from?: unknown; to: unknown };
        return from === null || from === undefined ? t('changes.set', { label, to: named(to) }) : t('changes.changed', { label, from: named(from), to: named(to) });
      }
      return t('changes.set', { label, to: named(value) });
    });
}

/** The short list of "what kind" filters (`kinds.<value>` names them); `signins` is the `auth.` family. */
export const kindFilters = ['', 'posts', 'channels', 'members', 'settings', 'signins'] as const;
export const kindLabel = (t: Translate, kind: string) => t(`kinds.${kind || 'all'}`);

const entityTypes = new Set(['post', 'comment', 'delivery', 'channel', 'member', 'user', 'invitation', 'media', 'workspace', 'session', 'data_export', 'channel_selection', 'retention', 'keys', 'access_log']);

/** What an entity is, in words, before its name ("Post", "Comment on"). */
export const entityTypeLabel = (t: Translate, type: string): string => (entityTypes.has(type) ? t(`entities.${type}`) : type.replace(/_/g, ' '));

/** Who did it: a name, "A former member" once the account is deleted, or Herald itself. */
export function actorLabel(t: Translate, row: { actorUserId: string | null; actorName: string | null; actorEmail: string | null }): string {
  if (row.actorName || row.actorEmail) return (row.actorName || row.actorEmail)!;
  if (row.actorUserId?.startsWith('deleted-user:')) return t('actor.formerMember');
  return row.actorUserId ? t('actor.gone') : 'Herald';
}

/** A day picked in the viewer's zone, as the instant it starts (`end`: the instant the day ends). */
export function dayToInstant(day: string, end = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (end ? 1 : 0)).toISOString();
}

/** Category of an action, for its colour: the part before the dot. */
export const actionFamily = (action: string) => action.split('.')[0] ?? action;

export const isFailure = (action: string) => /failed|revoked|(?<!avatar_)removed|deleted|rejected|canceled|needs_reauth|expiring/.test(action);
