import { z } from 'zod';
import { isNetworkId, networkIds, networkLabel, type NetworkId } from '../../../../networks/index.ts';
import { listChannels } from '../../channels/channels.service.ts';
import { listMyWorkspaces } from '../../workspaces/workspaces.service.ts';
import { workspaceTimeZone } from '../../posts/time-slots.service.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { keyPermissionsIn } from '../../api-keys/api-key-auth.ts';
import { workspaceAccess } from '../mcp.access.ts';
import { workspaceIdInput, type ToolKit } from '../mcp.tool-kit.ts';
import { networkRulesSummary, rulesLine } from '../network-rules.ts';

const channelName = (c: { displayName: string | null; username: string | null; network: string }) => c.displayName ?? c.username ?? networkLabel(c.network);

export function registerWorkspaceTools({ caller, tool }: ToolKit) {
  tool(
    'list_workspaces',
    {
      title: 'List workspaces',
      description:
        'The Herald workspaces this API key can act in, with the key-holder’s role, what the key may do there (its permissions, e.g. posts.schedule) and the workspace time zone. A workspace key lists only its own workspace.',
      input: {},
      annotations: { readOnlyHint: true },
    },
    async () => {
      const mine = await listMyWorkspaces(caller.ctx);
      const items = [];
      for (const workspace of mine) {
        const access = await keyPermissionsIn(caller.ctx.db, caller.principal, workspace.id);
        if (!access) continue;
        items.push({ id: workspace.id, name: workspace.name, role: access.role, permissions: access.permissions, timeZone: await workspaceTimeZone(caller.ctx.db, workspace.id) });
      }
      const lines = items.map((w) => `- ${w.name} (id ${w.id}, role ${w.role}, zone ${w.timeZone}): ${w.permissions.join(', ') || 'no permissions'}`);
      return { text: items.length ? `${items.length} workspace(s):\n${lines.join('\n')}` : 'This key can act in no workspace.', data: { items } };
    },
  );

  tool(
    'list_channels',
    {
      title: 'List channels',
      description:
        'The social accounts (channels) connected to a workspace: id, network, name, status (ok, expiring, needs_reauth, revoked, disconnected) and features the granted permissions leave off. Posts name channels by id.',
      input: { workspaceId: workspaceIdInput },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId }) => {
      const access = await workspaceAccess(caller, workspaceId, ['channels.read']);
      const items = (await listChannels(caller.ctx, access.workspaceId)).map((c) => ({
        id: c.id,
        network: c.network,
        networkLabel: networkLabel(c.network),
        name: channelName(c),
        username: c.username,
        instance: c.instance,
        status: c.status,
        statusReason: c.statusReason,
        missingFeatures: c.missingFeatures,
        usage: c.usage,
      }));
      const lines = items.map((c) => `- ${c.name} on ${c.networkLabel} (id ${c.id}, ${c.status})`);
      return { text: items.length ? `${items.length} channel(s):\n${lines.join('\n')}` : 'No channels are connected to this workspace.', data: { workspaceId: access.workspaceId, items } };
    },
  );

  tool(
    'get_network_rules',
    {
      title: 'Get network rules',
      description:
        "What a post may contain on each network: text length and how it is counted, how many media files and of which kinds, whether threads and a first comment are supported, and the post settings (with defaults and their JSON schema). Give channelId for one channel (its own limits apply, e.g. a Mastodon instance's text limit), network for one network, or neither for every channel of the workspace.",
      input: {
        workspaceId: workspaceIdInput,
        channelId: z.string().min(1).max(100).optional().describe('One channel: the rules with its own limits'),
        network: z.enum(networkIds).optional().describe('One network, without a workspace'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId, channelId, network }) => {
      if (network && !channelId) {
        const rules = networkRulesSummary(network);
        return { text: rulesLine(rules), data: { items: [{ channelId: null, ...rules }] } };
      }
      const access = await workspaceAccess(caller, workspaceId, ['channels.read']);
      const channels = (await listChannels(caller.ctx, access.workspaceId)).filter((c) => c.status !== 'disconnected' && isNetworkId(c.network));
      const chosen = channelId ? channels.filter((c) => c.id === channelId) : channels;
      if (channelId && !chosen.length) throw notFound('channel');
      if (!chosen.length) throw new AppError('mcp.no_channels', 404, 'No channels are connected to this workspace: pass network to read a network’s rules');
      const items = chosen.map((c) => ({ channelId: c.id, channelName: channelName(c), ...networkRulesSummary(c.network as NetworkId, c.limits) }));
      return { text: items.map((r) => `- ${r.channelName} (${r.channelId}): ${rulesLine(r)}`).join('\n'), data: { items } };
    },
  );
}
