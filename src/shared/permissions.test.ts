import { describe, expect, it } from 'vitest';
import { assignableRoles, can, permissions, rolePermissions } from './permissions.ts';

describe('role → permission table', () => {
  it('gives the owner everything and the admin all but deleting and transferring the workspace', () => {
    expect([...rolePermissions.owner].sort()).toEqual([...permissions].sort());
    for (const p of permissions) expect(can('admin', p)).toBe(p !== 'workspace.delete' && p !== 'workspace.transfer');
  });

  it('lets editors write posts but not manage members or channels', () => {
    expect(can('editor', 'posts.edit')).toBe(true);
    expect(can('editor', 'posts.schedule')).toBe(true);
    expect(can('editor', 'members.manage')).toBe(false);
    expect(can('editor', 'channels.manage')).toBe(false);
    expect(can('editor', 'audit.read')).toBe(false);
  });

  it('lets approvers approve but not edit, and viewers only read', () => {
    expect(can('approver', 'posts.approve')).toBe(true);
    expect(can('approver', 'posts.edit')).toBe(false);
    expect(rolePermissions.viewer.every((p) => p.endsWith('.read'))).toBe(true);
    expect(can('viewer', 'posts.read')).toBe(true);
  });

  it('refuses unknown roles and lets only owners and admins hand out roles, never owner', () => {
    expect(can('superuser', 'workspace.read')).toBe(false);
    expect(can(null, 'workspace.read')).toBe(false);
    expect(assignableRoles('owner')).not.toContain('owner');
    expect(assignableRoles('admin')).toEqual(['admin', 'editor', 'approver', 'viewer']);
    expect(assignableRoles('editor')).toEqual([]);
  });
});
