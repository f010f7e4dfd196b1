import crypto from 'node:crypto';
import { createTimeSlotsRepository } from '../posts/time-slots.repository.ts';
import { assignableRoles, type Role } from '../../../shared/permissions.ts';
import { diffFields, recordAudit } from '../audit/audit.service.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { defaultLanguage, isSupportedLanguage, type Language } from '../../../shared/languages.ts';
import { pickLanguage, translator } from '../../i18n/i18n.ts';
import { createWorkspacesRepository } from './workspaces.repository.ts';

const INVITATION_DAYS = 7;

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${crypto.randomBytes(3).toString('hex')}`;
}

const auditMeta = (ctx: ServiceContext) => ({ actorUserId: ctx.actor.userId, ip: ctx.actor.ip, userAgent: ctx.actor.userAgent });

export async function listMyWorkspaces(ctx: ServiceContext) {
  const rows = await createWorkspacesRepository(ctx.db).listForUser(ctx.actor.userId);
  return rows.map((w) => ({ ...w, language: workspaceLanguage(w) }));
}

/** `timeZone`: the creator's (their browser's), so posting times start in the zone they live in, not UTC. */
export async function createWorkspace(ctx: ServiceContext, input: { name: string; timeZone?: string }) {
  return ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const workspace = await repo.insert({ id: crypto.randomUUID(), name: input.name, slug: slugify(input.name) });
    await repo.insertMember({ id: crypto.randomUUID(), organizationId: workspace.id, userId: ctx.actor.userId, role: 'owner' });
    if (input.timeZone) await createTimeSlotsRepository(tx).saveTimeZone(workspace.id, input.timeZone);
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId: workspace.id,
      action: 'workspace.created',
      entityType: 'workspace',
      entityId: workspace.id,
      changes: { name: { from: null, to: input.name }, ...(input.timeZone ? { timeZone: { from: null, to: input.timeZone } } : {}) },
    });
    return { ...workspace, language: workspaceLanguage(workspace), role: 'owner' as const };
  });
}

export async function getWorkspace(ctx: ServiceContext, workspaceId: string) {
  const workspace = await createWorkspacesRepository(ctx.db).find(workspaceId);
  if (!workspace) throw notFound('workspace');
  return { ...workspace, language: workspaceLanguage(workspace) };
}

/** Renames the workspace and/or sets the language its clients see; a field left out stays as it is. */
export async function updateWorkspace(ctx: ServiceContext, workspaceId: string, input: { name?: string; language?: Language }) {
  return ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const before = await repo.find(workspaceId);
    if (!before) throw notFound('workspace');
    const after = { name: input.name ?? before.name, language: input.language ?? workspaceLanguage(before) };
    const changes = diffFields(before, after);
    if (Object.keys(changes).length) {
      await repo.update(workspaceId, after);
      await recordAudit(tx, { ...auditMeta(ctx), workspaceId, action: 'workspace.updated', entityType: 'workspace', entityId: workspaceId, changes });
    }
    return { ...before, ...after };
  });
}

/** A stored language Herald no longer speaks reads as the default. */
export const workspaceLanguage = (workspace: { language: string }): Language => (isSupportedLanguage(workspace.language) ? workspace.language : defaultLanguage);

export async function deleteWorkspace(ctx: ServiceContext, workspaceId: string, alsoDone: Record<string, unknown> = {}) {
  await ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const before = await repo.find(workspaceId);
    if (!before) throw notFound('workspace');
    await repo.remove(workspaceId);
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId,
      action: 'workspace.deleted',
      entityType: 'workspace',
      entityId: workspaceId,
      changes: { name: { from: before.name, to: null }, ...alsoDone },
    });
  });
}

export async function transferOwnership(ctx: ServiceContext, workspaceId: string, input: { memberId: string }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const current = await repo.findMembership(workspaceId, ctx.actor.userId);
    const next = await repo.findMember(workspaceId, input.memberId);
    if (!next) throw notFound('member');
    if (!current || current.role !== 'owner') throw new AppError('workspace.not_owner', 403, 'Only the owner can transfer ownership');
    if (next.id === current.id) throw conflict('workspace.already_owner', 'You already own this workspace');
    await repo.setMemberRole(next.id, 'owner');
    await repo.setMemberRole(current.id, 'admin');
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId,
      action: 'workspace.ownership_transferred',
      entityType: 'workspace',
      entityId: workspaceId,
      changes: { owner: { from: current.userId, to: next.userId } },
    });
  });
}

export async function listMembers(ctx: ServiceContext, workspaceId: string) {
  return createWorkspacesRepository(ctx.db).listMembers(workspaceId);
}

function ensureAssignable(actorRole: string, role: string) {
  if (!assignableRoles(actorRole).includes(role as Role)) {
    throw new AppError('member.role_not_assignable', 403, `Your role (${actorRole}) cannot give the role ${role}`, { role }, { actorRole, role });
  }
}

export async function changeMemberRole(ctx: ServiceContext, workspaceId: string, memberId: string, input: { role: Role }) {
  return ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const actor = await repo.findMembership(workspaceId, ctx.actor.userId);
    const member = await repo.findMember(workspaceId, memberId);
    if (!member) throw notFound('member');
    if (member.role === 'owner') throw new AppError('member.owner_role_locked', 403, 'The owner keeps the owner role; transfer ownership instead');
    ensureAssignable(actor?.role ?? '', input.role);
    if (member.role !== input.role) {
      await repo.setMemberRole(memberId, input.role);
      await recordAudit(tx, {
        ...auditMeta(ctx),
        workspaceId,
        action: 'member.role_changed',
        entityType: 'member',
        entityId: member.userId,
        changes: { role: { from: member.role, to: input.role } },
      });
    }
    return { ...member, role: input.role };
  });
}

/**
 * Removes a member, or lets one leave (an admin removing themselves). A removed member keeps no
 * power over the workspace: in the same transaction, every channel they connected there is handed
 * to whoever removed them (to the owner when they left on their own), so their pause or their
 * account deletion no longer reaches those channels; their unfinished connections are cancelled
 * and their notifications about the workspace deleted.
 */
export async function removeMember(ctx: ServiceContext, workspaceId: string, memberId: string) {
  await ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const member = await repo.findMember(workspaceId, memberId);
    if (!member) throw notFound('member');
    if (member.role === 'owner') throw new AppError('member.owner_not_removable', 403, 'The owner cannot be removed; transfer ownership first');
    const left = member.userId === ctx.actor.userId;
    // Deleting the row first: a connect being completed holds it (FOR SHARE), so this waits for it
    // and the hand-over below then sees the channel it saved.
    await repo.removeMember(memberId);
    const heir = left ? ((await repo.findOwner(workspaceId))?.userId ?? null) : ctx.actor.userId;
    const handedOver = await repo.reassignChannels(workspaceId, member.userId, heir);
    const connectionsCancelled = (await repo.deletePendingOAuthStates(workspaceId, member.userId)) + (await repo.deleteConnectSelections(workspaceId, member.userId));
    await repo.deleteNotificationsOf(workspaceId, member.userId);
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId,
      action: left ? 'member.left' : 'member.removed',
      entityType: 'member',
      entityId: member.userId,
      changes: { role: { from: member.role, to: null }, channelsHandedOver: handedOver.length, connectionsCancelled },
    });
    for (const channel of handedOver) {
      await recordAudit(tx, {
        ...auditMeta(ctx),
        workspaceId,
        action: 'channel.reassigned',
        entityType: 'channel',
        entityId: channel.id,
        changes: { connectedBy: { from: member.userId, to: heir }, reason: left ? 'member_left' : 'member_removed' },
      });
    }
  });
}

export async function listInvitations(ctx: ServiceContext, workspaceId: string) {
  return createWorkspacesRepository(ctx.db).listPendingInvitations(workspaceId, new Date());
}

export async function inviteMember(
  ctx: ServiceContext,
  deps: { mailer: Mailer; publicOrigin: string },
  workspaceId: string,
  input: { email: string; role: Role },
) {
  const email = input.email.toLowerCase();
  const { invitation, language } = await ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const actor = await repo.findMembership(workspaceId, ctx.actor.userId);
    ensureAssignable(actor?.role ?? '', input.role);
    const workspace = await repo.find(workspaceId);
    if (!workspace) throw notFound('workspace');
    const existingUser = await repo.findUserByEmail(email);
    if (existingUser && (await repo.findMembership(workspaceId, existingUser.id))) {
      throw conflict('member.already_member', `${email} is already a member of this workspace`, { email });
    }
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    const pending = await repo.findPendingInvitationFor(workspaceId, email, new Date());
    // Inviting the same address again renews the pending invitation instead of stacking copies.
    const id = pending?.id ?? crypto.randomBytes(24).toString('base64url');
    if (pending) await repo.renewInvitation(id, input.role, expiresAt);
    else await repo.insertInvitation({ id, organizationId: workspaceId, email, role: input.role, status: 'pending', expiresAt, inviterId: ctx.actor.userId });
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId,
      action: pending ? 'member.reinvited' : 'member.invited',
      entityType: 'invitation',
      entityId: id,
      changes: { email: { from: null, to: email }, role: { from: pending?.role ?? null, to: input.role } },
    });
    // Someone with an account reads it in their language; anyone else in the workspace's.
    const language = pickLanguage(existingUser?.language, existingUser?.browserLanguage, workspace.language);
    return { invitation: { id, email, role: input.role, status: 'pending', expiresAt, workspaceName: workspace.name }, language };
  });
  const link = `${deps.publicOrigin}/invite/${invitation.id}`;
  const t = translator(language, 'mail');
  await deps.mailer.send({
    to: email,
    subject: t('invitation.subject', { workspace: invitation.workspaceName }),
    text: t('invitation.text', { inviter: ctx.actor.email, workspace: invitation.workspaceName, role: t(`invitation.role.${input.role}`), days: INVITATION_DAYS, link }),
  });
  return { ...invitation, link };
}

export async function cancelInvitation(ctx: ServiceContext, workspaceId: string, invitationId: string) {
  await ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const invitation = await repo.findInvitation(invitationId);
    if (!invitation || invitation.workspaceId !== workspaceId || invitation.status !== 'pending') throw notFound('invitation');
    await repo.setInvitationStatus(invitationId, 'canceled');
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId,
      action: 'invitation.canceled',
      entityType: 'invitation',
      entityId: invitationId,
      changes: { status: { from: 'pending', to: 'canceled' } },
    });
  });
}

/** What the invitee sees before deciding; the random id in the link is the credential. */
export async function describeInvitation(ctx: Pick<ServiceContext, 'db'>, invitationId: string) {
  const invitation = await createWorkspacesRepository(ctx.db).findInvitation(invitationId);
  if (!invitation) throw notFound('invitation');
  const expired = invitation.status === 'pending' && invitation.expiresAt.getTime() <= Date.now();
  return { ...invitation, status: expired ? 'expired' : invitation.status };
}

export async function respondToInvitation(ctx: ServiceContext, invitationId: string, accept: boolean) {
  return ctx.db.transaction(async (tx) => {
    const repo = createWorkspacesRepository(tx);
    const invitation = await repo.findInvitation(invitationId);
    if (!invitation) throw notFound('invitation');
    if (invitation.email !== ctx.actor.email.toLowerCase()) {
      throw new AppError('invitation.wrong_account', 403, `This invitation is for ${invitation.email}; sign in with that address`, undefined, { email: invitation.email });
    }
    if (invitation.status !== 'pending') throw conflict('invitation.not_pending', `This invitation was already ${invitation.status}`, { status: invitation.status });
    if (invitation.expiresAt.getTime() <= Date.now()) throw new AppError('invitation.expired', 410, 'This invitation has expired; ask for a new one');
    await repo.setInvitationStatus(invitationId, accept ? 'accepted' : 'rejected');
    if (accept) {
      await repo.insertMember({
        id: crypto.randomUUID(),
        organizationId: invitation.workspaceId,
        userId: ctx.actor.userId,
        role: invitation.role ?? 'viewer',
      });
    }
    await recordAudit(tx, {
      ...auditMeta(ctx),
      workspaceId: invitation.workspaceId,
      action: accept ? 'member.joined' : 'invitation.rejected',
      entityType: accept ? 'member' : 'invitation',
      entityId: accept ? ctx.actor.userId : invitationId,
      changes: accept ? { role: { from: null, to: invitation.role } } : { status: { from: 'pending', to: 'rejected' } },
    });
    return { workspaceId: invitation.workspaceId, workspaceName: invitation.workspaceName, role: invitation.role, status: accept ? 'accepted' : 'rejected' };
  });
}
