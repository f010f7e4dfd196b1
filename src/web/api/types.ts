export type Instance = { signupDisabled: boolean; mailTransport: 'smtp' | 'log'; passwordMinLength: number; sessionIdleDays: number };

export type MyWorkspace = { id: string; name: string; slug: string; role: string; permissions: string[] };

export type Me = {
  user: { id: string; name: string; email: string; image: string | null; isOperator: boolean; twoFactorEnabled: boolean; createdAt: string };
  workspaces: MyWorkspace[];
};

export type Member = { id: string; userId: string; role: string; name: string; email: string; image: string | null; createdAt: string };

export type Invitation = { id: string; email: string; role: string | null; status: string; expiresAt: string; createdAt?: string; inviterName?: string };

export type PublicInvitation = {
  id: string;
  workspaceName: string;
  inviterName: string;
  email: string;
  role: string | null;
  status: 'pending' | 'accepted' | 'rejected' | 'canceled' | 'expired';
  expiresAt: string;
};

export type AuditEntry = {
  id: number;
  createdAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  workspaceId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
};

export type SessionInfo = { id: string; token: string; createdAt: string; updatedAt: string; expiresAt: string; ipAddress?: string | null; userAgent?: string | null };
