import { formatDateTime } from '../../components/format.ts';

// How audit rows read to a person. Codes the server adds later still show, as their raw code.
export const actionLabels: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.second_factor_requested': 'Two-factor code requested',
  'user.signed_up': 'Signed up',
  'user.created': 'Account created',
  'user.updated': 'Profile updated',
  'user.password_changed': 'Password changed',
  'user.password_reset_requested': 'Password reset requested',
  'user.password_reset': 'Password reset',
  'user.two_factor_enabled': 'Two-factor setup started',
  'user.two_factor_verified': 'Two-factor turned on',
  'user.two_factor_disabled': 'Two-factor turned off',
  'user.email_change_requested': 'E-mail change requested',
  'user.email_changed': 'E-mail address changed',
  'user.avatar_changed': 'Picture changed',
  'user.avatar_removed': 'Picture removed',
  'session.revoked': 'Session signed out',
  'workspace.created': 'Workspace created',
  'workspace.updated': 'Workspace renamed',
  'workspace.deleted': 'Workspace deleted',
  'workspace.ownership_transferred': 'Ownership transferred',
  'member.invited': 'Member invited',
  'member.reinvited': 'Invitation sent again',
  'member.joined': 'Member joined',
  'member.removed': 'Member removed',
  'member.left': 'Member left',
  'member.role_changed': 'Role changed',
  'invitation.canceled': 'Invitation canceled',
  'invitation.rejected': 'Invitation declined',
  'channel.connected': 'Channel connected',
  'channel.reconnected': 'Channel reconnected',
  'channel.reassigned': 'Channel handed over',
  'channel.disconnected': 'Channel disconnected',
  'channel.revoked': 'Channel access revoked',
  'channel.purged': 'Channel profile purged',
  'channel.deauthorized': 'Channel ended at the network (app removed or data deletion)',
  'channel.selection_offered': 'Accounts offered to pick from',
  'channel.selection_used': 'Accounts picked and connected',
  'channel.selection_discarded': 'Account choice cancelled',
  'channel.ok': 'Channel working again',
  'channel.expiring': 'Channel refresh failing',
  'channel.needs_reauth': 'Channel needs reconnecting',
  'channel.profile_refreshed': 'Channel profile refreshed',
  'channel.slots_set': 'Posting times changed',
  'webhook.created': 'Webhook endpoint added',
  'webhook.updated': 'Webhook endpoint changed',
  'webhook.deleted': 'Webhook endpoint deleted',
  'webhook.secret_rotated': 'Webhook signing secret replaced',
  'webhook.auto_disabled': 'Webhook endpoint turned off after failures',
  'post.created': 'Post created',
  'post.scheduled': 'Post scheduled',
  'post.unscheduled': 'Post moved to drafts',
  'post.updated': 'Post edited',
  'post.cancelled': 'Post cancelled',
  'post.deleted': 'Post deleted',
  'delivery.retried': 'Delivery retried',
  'delivery.marked_published': 'Delivery marked as published',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'api_key.refused': 'API key refused (revoked, expired or beyond its scopes)',
  'comment.created': 'Commented',
  'comment.edited': 'Comment edited',
  'comment.deleted': 'Comment deleted',
  'media.uploaded': 'Media uploaded',
  'media.deleted': 'Media deleted',
  'media.purged': 'Media deleted after publishing',
  'idea.created': 'Idea added',
  'idea.updated': 'Idea edited',
  'idea.moved': 'Idea moved',
  'idea.deleted': 'Idea deleted',
  'idea.turned_into_post': 'Idea turned into a post',
  'idea_column.created': 'Ideas column added',
  'idea_column.updated': 'Ideas column renamed or moved',
  'idea_column.deleted': 'Ideas column deleted',
  'workspace.time_zone_set': 'Time zone changed',
  'analytics.enabled': 'Analytics turned on',
  'analytics.disabled': 'Analytics turned off',
  'analytics.metrics_deleted': 'Collected analytics deleted',
  'report_schedule.updated': 'Monthly report e-mail changed',
  'workspace.logo_changed': 'Workspace logo changed',
  'workspace.logo_removed': 'Workspace logo removed',
  'privacy.export_requested': 'Data export requested',
  'privacy.export_ready': 'Data export ready',
  'privacy.export_downloaded': 'Data export downloaded',
  'privacy.export_expired': 'Data export expired',
  'privacy.restricted': 'Processing paused',
  'privacy.resumed': 'Processing resumed',
  'account.deletion_requested': 'Account deletion requested',
  'account.deletion_cancelled': 'Account deletion cancelled',
  'account.deleted': 'Account deleted',
  'retention.swept': 'Retention sweep',
  'access_log.purged': 'Access log purged',
  'keys.rotated': 'Encryption keys rotated',
};

const valueLabels: Record<string, string> = {
  invalid_second_factor: 'wrong two-factor code',
  invalid_password: 'wrong password',
  invalid_email_or_password: 'wrong e-mail or password',
  'password+2fa': 'password and two-factor code',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  // Instants read in the viewer's zone, like the rest of the page.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value)) return formatDateTime(value);
  return valueLabels[String(value)] ?? String(value);
}

const keyLabel = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

/** Keys the entry's named entity already says (a comment's post). */
const shownElsewhere = new Set(['postId']);

/**
 * `{ role: { from, to } }` reads "role: editor → admin"; a first value reads "role: editor". Ids
 * read as the names the server resolved (`names`), never as ids.
 */
export function describeChanges(changes: Record<string, unknown> | null, names: Record<string, string> = {}): string[] {
  if (!changes) return [];
  const named = (value: unknown): string =>
    typeof value === 'string' && names[value] ? names[value] : Array.isArray(value) && value.some((v) => typeof v === 'string' && names[v]) ? value.map(named).join(', ') : show(value);
  return Object.entries(changes)
    .filter(([key]) => !shownElsewhere.has(key))
    .map(([key, value]) => {
      const label = keyLabel(key.replace(/(?<=.)Id$/, ''));
      if (value && typeof value === 'object' && !Array.isArray(value) && 'to' in value) {
        const { from, to } = value as { from?: unknown; to: unknown };
        return from === null || from === undefined ? `${label}: ${named(to)}` : `${label}: ${named(from)} → ${named(to)}`;
      }
      return `${label}: ${named(value)}`;
    });
}

/** The short list of "what kind" filters; `signins` is the `auth.` family. */
export const kindFilters: { value: string; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'posts', label: 'Posts and comments' },
  { value: 'channels', label: 'Channels' },
  { value: 'members', label: 'Members' },
  { value: 'settings', label: 'Settings' },
  { value: 'signins', label: 'Sign-ins' },
];

/** What an entity is, in words, before its name ("Post", "Comment on"). */
export const entityTypeLabels: Record<string, string> = {
  post: 'Post',
  comment: 'Comment on',
  delivery: 'Post',
  channel: 'Channel',
  member: 'Member',
  user: 'Account of',
  invitation: 'Invitation for',
  media: 'File',
  workspace: 'Workspace',
  session: 'A session',
  data_export: 'A data export',
  channel_selection: 'Accounts to pick from',
  retention: 'Retention sweep',
  keys: 'Encryption keys',
  access_log: 'Access log',
};

/** Who did it: a name, "A former member" once the account is deleted, or Herald itself. */
export function actorLabel(row: { actorUserId: string | null; actorName: string | null; actorEmail: string | null }): string {
  if (row.actorName || row.actorEmail) return (row.actorName || row.actorEmail)!;
  if (row.actorUserId?.startsWith('deleted-user:')) return 'A former member';
  return row.actorUserId ? 'Someone no longer here' : 'Herald';
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
