// The one table of who may do what in a workspace. The server checks it on every route and the
// web app reads it to hide what a role cannot do; better-auth's organization plugin is given the
// same table so its own checks agree.

export const roles = ['owner', 'admin', 'editor', 'approver', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'workspace.read',
  'workspace.update',
  'workspace.delete',
  'workspace.transfer',
  'members.read',
  'members.manage',
  'channels.read',
  'channels.manage',
  'posts.read',
  'posts.edit',
  'posts.schedule',
  'posts.approve',
  'settings.manage',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const read: Permission[] = ['workspace.read', 'members.read', 'channels.read', 'posts.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: permissions,
  admin: permissions.filter((p) => p !== 'workspace.delete' && p !== 'workspace.transfer'),
  editor: [...read, 'posts.edit', 'posts.schedule'],
  approver: [...read, 'posts.approve'],
  viewer: read,
};

export function can(role: string | null | undefined, permission: Permission): boolean {
  return !!role && (rolePermissions as Record<string, readonly Permission[]>)[role]?.includes(permission) === true;
}

/** Roles that a member with `actorRole` may hand out: nobody but the owner creates owners (by transfer). */
export function assignableRoles(actorRole: string): Role[] {
  if (actorRole === 'owner' || actorRole === 'admin') return ['admin', 'editor', 'approver', 'viewer'];
  return [];
}

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including deleting the workspace and transferring ownership',
  admin: 'Members, channels, settings and all posts',
  editor: 'Create and edit drafts, schedule posts that need no approval',
  approver: 'Read everything, approve or reject posts',
  viewer: 'Read only',
};
