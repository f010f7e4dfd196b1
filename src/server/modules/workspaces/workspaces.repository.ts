import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, connectSelections, invitations, members, notifications, oauthStates, users, workspaces } from '../../db/schema/index.ts';
import { userLanguageColumns } from '../../i18n/user-language.ts';

export function createWorkspacesRepository(db: Db | Tx) {
  return {
    async listForUser(userId: string) {
      return db
        .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, language: workspaces.language, createdAt: workspaces.createdAt, role: members.role })
        .from(members)
        .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
        .where(eq(members.userId, userId))
        .orderBy(asc(workspaces.name));
    },
    async find(workspaceId: string) {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
      return row ?? null;
    },
    async insert(row: typeof workspaces.$inferInsert) {
      const [created] = await db.insert(workspaces).values(row).returning();
      return created!;
    },
    async update(workspaceId: string, fields: { name: string; language: string }) {
      await db.update(workspaces).set(fields).where(eq(workspaces.id, workspaceId));
    },
    async remove(workspaceId: string) {
      await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
    },
    async findMembership(workspaceId: string, userId: string) {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.organizationId, workspaceId), eq(members.userId, userId)));
      return row ?? null;
    },
    /** The member's row, locked against removal until the transaction ends (connect completion takes it). */
    async lockMembership(workspaceId: string, userId: string) {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.organizationId, workspaceId), eq(members.userId, userId)))
        .for('share');
      return row ?? null;
    },
    /** The longest-standing owner: who inherits what a member leaving on their own leaves behind. */
    async findOwner(workspaceId: string) {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.organizationId, workspaceId), eq(members.role, 'owner')))
        .orderBy(asc(members.createdAt))
        .limit(1);
      return row ?? null;
    },
    async findMember(workspaceId: string, memberId: string) {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.organizationId, workspaceId), eq(members.id, memberId)));
      return row ?? null;
    },
    async listMembers(workspaceId: string) {
      return db
        .select({
          id: members.id,
          userId: members.userId,
          role: members.role,
          createdAt: members.createdAt,
          name: users.name,
          email: users.email,
          image: users.image,
        })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(members.organizationId, workspaceId))
        .orderBy(asc(members.createdAt));
    },
    async insertMember(row: typeof members.$inferInsert) {
      await db.insert(members).values(row).onConflictDoNothing();
    },
    async setMemberRole(memberId: string, role: string) {
      await db.update(members).set({ role }).where(eq(members.id, memberId));
    },
    async removeMember(memberId: string) {
      await db.delete(members).where(eq(members.id, memberId));
    },
    /** Hands the channels one user connected in the workspace to another; answers the channels moved. */
    async reassignChannels(workspaceId: string, fromUserId: string, toUserId: string | null) {
      return db
        .update(channels)
        .set({ connectedBy: toUserId, updatedAt: new Date() })
        .where(and(eq(channels.workspaceId, workspaceId), eq(channels.connectedBy, fromUserId)))
        .returning({ id: channels.id, network: channels.network, username: channels.username });
    },
    /** Connections the user started in the workspace and has not finished (used ones are kept as a record). */
    async deletePendingOAuthStates(workspaceId: string, userId: string) {
      const deleted = await db
        .delete(oauthStates)
        .where(and(eq(oauthStates.workspaceId, workspaceId), eq(oauthStates.userId, userId), isNull(oauthStates.usedAt)))
        .returning({ state: oauthStates.state });
      return deleted.length;
    },
    /** Accounts the user was offered to pick from in the workspace, with their tokens. */
    async deleteConnectSelections(workspaceId: string, userId: string) {
      const deleted = await db
        .delete(connectSelections)
        .where(and(eq(connectSelections.workspaceId, workspaceId), eq(connectSelections.userId, userId)))
        .returning({ id: connectSelections.id });
      return deleted.length;
    },
    /** The workspace's notifications to one user: a former member is told nothing more about it. */
    async deleteNotificationsOf(workspaceId: string, userId: string) {
      await db.delete(notifications).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)));
    },
    async findUserByEmail(email: string) {
      const [row] = await db.select({ id: users.id, email: users.email, ...userLanguageColumns }).from(users).where(eq(users.email, email));
      return row ?? null;
    },
    async listPendingInvitations(workspaceId: string, now: Date) {
      return db
        .select({
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
          status: invitations.status,
          expiresAt: invitations.expiresAt,
          createdAt: invitations.createdAt,
          inviterName: users.name,
        })
        .from(invitations)
        .innerJoin(users, eq(users.id, invitations.inviterId))
        .where(and(eq(invitations.organizationId, workspaceId), eq(invitations.status, 'pending'), gt(invitations.expiresAt, now)))
        .orderBy(asc(invitations.createdAt));
    },
    async findInvitation(invitationId: string) {
      const [row] = await db
        .select({
          id: invitations.id,
          workspaceId: invitations.organizationId,
          workspaceName: workspaces.name,
          email: invitations.email,
          role: invitations.role,
          status: invitations.status,
          expiresAt: invitations.expiresAt,
          inviterName: users.name,
        })
        .from(invitations)
        .innerJoin(workspaces, eq(workspaces.id, invitations.organizationId))
        .innerJoin(users, eq(users.id, invitations.inviterId))
        .where(eq(invitations.id, invitationId));
      return row ?? null;
    },
    async findPendingInvitationFor(workspaceId: string, email: string, now: Date) {
      const [row] = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.organizationId, workspaceId),
            eq(invitations.email, email),
            eq(invitations.status, 'pending'),
            gt(invitations.expiresAt, now),
          ),
        );
      return row ?? null;
    },
    async insertInvitation(row: typeof invitations.$inferInsert) {
      await db.insert(invitations).values(row);
    },
    async setInvitationStatus(invitationId: string, status: 'accepted' | 'rejected' | 'canceled') {
      await db.update(invitations).set({ status }).where(eq(invitations.id, invitationId));
    },
    async renewInvitation(invitationId: string, role: string, expiresAt: Date) {
      await db.update(invitations).set({ role, expiresAt }).where(eq(invitations.id, invitationId));
    },
  };
}
