import { roles, type Role } from '../../src/shared/permissions.ts';
import { signUp, type Client } from './test-herald.ts';

export type TeamMember = { client: Client; id: string; email: string; memberId: string };

/** A workspace with one signed-in member per role (the owner created it; the others accepted invitations). */
export async function createTeam(baseUrl: string, name = 'Team'): Promise<{ workspaceId: string; members: Record<Role, TeamMember> }> {
  const owner = await signUp(baseUrl, { name: 'Owner' });
  const workspace = await owner.client.post('/api/v1/workspaces', { name });
  if (workspace.status !== 201) throw new Error(`workspace creation failed: ${JSON.stringify(workspace.body)}`);
  const workspaceId = workspace.body.id as string;
  const result: Partial<Record<Role, Omit<TeamMember, 'memberId'>>> = { owner };
  for (const role of roles.filter((r) => r !== 'owner')) {
    const user = await signUp(baseUrl, { name: role });
    const invite = await owner.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: user.email, role });
    const accepted = await user.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
    if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    result[role] = user;
  }
  const list = await owner.client.get(`/api/v1/workspaces/${workspaceId}/members`);
  const members = Object.fromEntries(
    roles.map((role) => {
      const m = result[role]!;
      const row = (list.body.items as { id: string; userId: string }[]).find((i) => i.userId === m.id)!;
      return [role, { ...m, memberId: row.id }];
    }),
  ) as Record<Role, TeamMember>;
  return { workspaceId, members };
}
