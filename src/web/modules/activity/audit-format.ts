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
  'post.created': 'Post created',
  'post.scheduled': 'Post scheduled',
  'post.unscheduled': 'Post moved to drafts',
  'post.updated': 'Post edited',
  'post.cancelled': 'Post cancelled',
  'post.deleted': 'Post deleted',
  'delivery.retried': 'Delivery retried',
  'delivery.marked_published': 'Delivery marked as published',
  'media.uploaded': 'Media uploaded',
  'media.deleted': 'Media deleted',
  'media.purged': 'Media deleted after publishing',
  'workspace.time_zone_set': 'Time zone changed',
  'analytics.enabled': 'Analytics turned on',
  'analytics.disabled': 'Analytics turned off',
  'analytics.metrics_deleted': 'Collected analytics deleted',
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

/** Filter choices: a prefix matches a whole family of actions. */
export const actionFilters: { value: string; label: string }[] = [
  { value: '', label: 'All activity' },
  { value: 'auth.', label: 'Sign-ins and sign-outs' },
  { value: 'auth.sign_in_failed', label: 'Failed sign-ins' },
  { value: 'member.', label: 'Members' },
  { value: 'invitation.', label: 'Invitations' },
  { value: 'workspace.', label: 'Workspace' },
  { value: 'channel.', label: 'Channels' },
  { value: 'post.', label: 'Posts' },
  { value: 'analytics.', label: 'Analytics' },
  { value: 'privacy.', label: 'Privacy requests' },
  { value: 'user.', label: 'Account changes' },
  { value: 'session.', label: 'Sessions' },
];

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
  return valueLabels[String(value)] ?? String(value);
}

const keyLabel = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

/** `{ role: { from, to } }` reads "role: editor → admin"; a first value reads "role: editor". */
export function describeChanges(changes: Record<string, unknown> | null): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([key, value]) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'to' in value) {
      const { from, to } = value as { from?: unknown; to: unknown };
      return from === null || from === undefined ? `${keyLabel(key)}: ${show(to)}` : `${keyLabel(key)}: ${show(from)} → ${show(to)}`;
    }
    return `${keyLabel(key)}: ${show(value)}`;
  });
}

/** Category of an action, for its colour: the part before the dot. */
export const actionFamily = (action: string) => action.split('.')[0] ?? action;

export const isFailure = (action: string) => /failed|revoked|(?<!avatar_)removed|deleted|rejected|canceled|needs_reauth|expiring/.test(action);
