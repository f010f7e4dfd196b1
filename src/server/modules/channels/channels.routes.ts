import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { networkIds, networks, type NetworkId } from '../../../shared/networks.ts';
import { requestLanguage } from '../../http/request-language.ts';
import { AppError } from '../shared/errors.ts';
import { readAvatar } from './avatar-cache.ts';
import * as service from './channels.service.ts';
import { completeConnect, startConnect } from './channels.connect.ts';
import { disconnectChannel, noRevokeSentence } from './channels.disconnect.ts';
import { connectSelectedAccounts, discardSelection, readSelection, readSelectionAvatar } from './connect-selections.ts';

const channel = z.object({
  id: z.string(),
  workspaceId: z.string(),
  network: z.string(),
  externalId: z.string(),
  instance: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  avatar: z.string().nullable().describe("Herald's copy of the avatar (the browser never loads it from the network)"),
  status: z.string(),
  statusReason: z.string().nullable().describe("Why the channel is in its status, in the request's language (Accept-Language)"),
  statusReasonKey: z
    .string()
    .nullable()
    .describe('The kind of that reason, stable across languages (`status:channel.accessEnds`…), for clients that branch on it; null when the reason is the network’s own words'),
  scopesGranted: z.array(z.string()),
  limits: z.record(z.string(), z.unknown()).describe("The network's limits for this account, as the composer checks them"),
  missingFeatures: z.array(z.string()),
  connectedAt: z.date(),
  disconnectedAt: z.date().nullable(),
  purgeAfter: z.date().nullable(),
  usage: z
    .array(z.object({ label: z.string(), used: z.number(), limit: z.number(), resetsAt: z.date() }))
    .describe("What the network's counted allowances have left for this channel (X's post caps, YouTube's daily quota), when it counts any"),
});
const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const selectionParams = workspaceParams.extend({ selectionId: z.string().min(1).max(100) });
const selection = z.object({
  id: z.string(),
  network: z.string(),
  networkLabel: z.string(),
  expiresAt: z.date(),
  accounts: z.array(
    z.object({
      externalId: z.string(),
      displayName: z.string().nullable(),
      username: z.string().nullable(),
      avatarUrl: z.string().nullable().describe("The network's URL of the picture (the browser is not to load it: see avatar)"),
      avatar: z.string().nullable().describe('The picture as Herald relays it, so the network never learns who looks at the picker'),
      note: z.string().nullable().describe('A short line the network gives about the account (its category, what it is linked to)'),
      alreadyConnected: z.boolean().describe('A channel of this workspace already is this account: picking it reconnects that channel in place'),
    }),
  ),
});
// The connect example: a network on the person's own server (asked of the registry, not named).
const instanceNetwork = networkIds.find((id) => networks[id].connect === 'oauth-instance') ?? networkIds[0];
const network = z.enum(networkIds, { message: `must be one of ${networkIds.join(', ')}` });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** What someone sees who opened a connection link made with an API key, usually not a Herald user. */
function connectDonePage(outcome: 'connected' | 'choose' | 'failed', message = '') {
  const text =
    outcome === 'connected'
      ? 'Your account is connected. You can close this window.'
      : outcome === 'choose'
        ? 'Herald received your permission. Whoever sent you the link now chooses which of your accounts to connect. You can close this window.'
        : `Nothing was connected: ${message}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Herald</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">Herald</h1><p>${escapeHtml(text)}</p></body></html>`;
}

export const channelsRoutes: FastifyPluginAsyncZod<{ deps: service.ChannelDeps; instance: { mediaByUrl: boolean }; db: Db }> = async (app, { deps, instance, db }) => {
  const tags = ['channels'];

  app.get('/networks', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Networks this Herald offers, with the scopes it requests',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              label: z.string(),
              connect: z.string(),
              scopes: z.array(z.string()),
              enabled: z.boolean(),
              noRevoke: z.string().nullable().describe('Set when the network, as configured here, cannot end Herald’s access on disconnect: what the person should know instead'),
            }),
          ),
          mediaByUrl: z.boolean().describe('This Herald has a public address networks can download media from (HERALD_MEDIA_PUBLIC_URL)'),
        }),
      },
    },
    handler: async () => ({
      // A network whose OAuth this Herald cannot offer (Bluesky without an https address) says how it connects instead.
      items: networkIds.map((id) => ({ id, label: networks[id].label, connect: deps.providers[id]?.connect === 'app-password' ? 'app-password' : networks[id].connect, scopes: [...networks[id].scopes], enabled: !!deps.providers[id], noRevoke: noRevokeSentence(deps, id) })),
      mediaByUrl: instance.mediaByUrl,
    }),
  });

  app.get('/workspaces/:workspaceId/channels', {
    config: { access: 'channels.read' },
    schema: { tags, summary: 'Connected (and disconnected) channels; never tokens', params: workspaceParams, response: { 200: z.object({ items: z.array(channel) }) } },
    handler: async (req) => ({ items: await service.listChannels(req.serviceContext(), req.params.workspaceId, requestLanguage(req)) }),
  });

  app.post('/workspaces/:workspaceId/channels/connect', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary:
        "Connect an account. OAuth networks (TikTok, Mastodon, Bluesky by default) answer the consent page URL to open (state bound to this session, 10 min, single use; PKCE); Bluesky with an app password signs in at once and answers the channel",
      params: workspaceParams,
      body: z.object({
        network,
        instance: z.string().max(260).optional().describe('Mastodon: the server name, e.g. mastodon.social'),
        identifier: z.string().max(300).optional().describe('Bluesky: handle (alice.bsky.social) or DID; without appPassword also a server address (https://bsky.social) to sign in at through OAuth'),
        appPassword: z
          .string()
          .max(100)
          .optional()
          .describe('Bluesky: an app password (xxxx-xxxx-xxxx-xxxx), never the account password; without it Bluesky connects through its own sign-in page (atproto OAuth) where this Herald can'),
      }).meta({ examples: [{ network: instanceNetwork, instance: 'social.example' }] }),
      response: {
        200: z.object({ authorizationUrl: z.string().optional(), channel: channel.optional() }).meta({
          // The consent page to open in a browser; Herald's callback finishes the connection.
          examples: [{ authorizationUrl: `https://social.example/oauth/authorize?response_type=code&client_id=Qx8dWm2R&redirect_uri=https%3A%2F%2Fherald.example.com%2Fapi%2Fv1%2Foauth%2Fcallback%2F${instanceNetwork}&scope=read+write&state=Zr4kP1sLw9&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256` }],
        }),
      },
    },
    handler: async (req) =>
      startConnect(req.serviceContext(), deps, {
        workspaceId: req.params.workspaceId,
        sessionId: req.auth!.sessionId,
        network: req.body.network as NetworkId,
        instance: req.body.instance,
        identifier: req.body.identifier,
        appPassword: req.body.appPassword,
      }),
  });

  app.get('/oauth/callback/:network', {
    config: { access: 'user', sessionOptional: true },
    schema: {
      tags,
      summary: "Where the network's consent page sends the browser back; redirects to the Channels page (a link made with an API key, opened by someone without a session, ends on a short page saying it is done)",
      params: z.object({ network: z.string().max(32) }),
      querystring: z.object({
        state: z.string().max(200).optional(),
        code: z.string().max(2000).optional(),
        error: z.string().max(200).optional(),
        error_description: z.string().max(1000).optional(),
        iss: z.string().max(500).optional().describe('The authorization server that answers (RFC 9207): checked against the one Herald asked (Bluesky)'),
      }),
    },
    handler: async (req, reply) => {
      try {
        const caller = req.auth ? { userId: req.auth.userId, email: req.auth.email, sessionId: req.auth.sessionId } : null;
        const connected = await completeConnect(db, caller, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, deps, {
          network: req.params.network,
          state: req.query.state,
          code: req.query.code,
          error: req.query.error,
          errorDescription: req.query.error_description,
          issuer: req.query.iss,
        });
        if (connected.byKey) return reply.type('text/html').header('cache-control', 'no-store').send(connectDonePage(connected.channel ? 'connected' : 'choose'));
        if (connected.selection) return reply.redirect(`/w/${connected.selection.workspaceId}/channels?choose=${connected.selection.selectionId}`);
        return reply.redirect(`/w/${connected.channel.workspaceId}/channels?connected=${connected.channel.id}`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (!req.auth) return reply.type('text/html').header('cache-control', 'no-store').status(error.status).send(connectDonePage('failed', error.message));
        const workspaceId = error.details?.workspaceId;
        const query = new URLSearchParams({ error: error.code, message: error.message }).toString();
        return reply.redirect(typeof workspaceId === 'string' ? `/w/${workspaceId}/channels?${query}` : `/?${query}`);
      }
    },
  });

  const selectionSummary = 'one consent covering several accounts (the Pages one user manages) that the user who connected picks from, in the same session, within 15 minutes';
  app.get('/workspaces/:workspaceId/channels/selections/:selectionId', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary: `The accounts offered by ${selectionSummary}; never tokens`,
      params: selectionParams,
      response: { 200: selection },
    },
    handler: async (req) => readSelection(req.serviceContext(), deps, { ...req.params, sessionId: req.auth!.sessionId }, requestLanguage(req)),
  });

  app.post('/workspaces/:workspaceId/channels/selections/:selectionId', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary: `Connect the picked accounts of ${selectionSummary}: one channel each (a reconnect updates its channel), then the selection is used up`,
      params: selectionParams,
      body: z.object({ externalIds: z.array(z.string().min(1).max(200)).min(1, { message: 'pick at least one account' }).max(100).describe("Accounts to connect, by their id at the network, each one of the selection's") }),
      response: { 201: z.object({ channels: z.array(channel) }) },
    },
    handler: async (req, reply) => reply.code(201).send(await connectSelectedAccounts(req.serviceContext(), deps, { ...req.params, sessionId: req.auth!.sessionId, externalIds: req.body.externalIds })),
  });

  app.get('/workspaces/:workspaceId/channels/selections/:selectionId/accounts/:externalId/avatar', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary: "An offered account's picture, fetched from the network by Herald (the browser never asks the network)",
      params: selectionParams.extend({ externalId: z.string().min(1).max(200) }),
    },
    handler: async (req, reply) => {
      const avatar = await readSelectionAvatar(req.serviceContext(), deps, { ...req.params, sessionId: req.auth!.sessionId });
      return reply.type(avatar.contentType).header('cache-control', 'private, max-age=900').header('x-content-type-options', 'nosniff').send(avatar.bytes);
    },
  });

  app.delete('/workspaces/:workspaceId/channels/selections/:selectionId', {
    config: { access: 'channels.manage' },
    schema: { tags, summary: `Discard ${selectionSummary}: its accounts and tokens are deleted now`, params: selectionParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await discardSelection(req.serviceContext(), { ...req.params, sessionId: req.auth!.sessionId });
      return reply.code(204).send(null);
    },
  });

  app.delete('/workspaces/:workspaceId/channels/:channelId', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary: 'Disconnect: revoke the token at the network, delete it here at once, purge cached profile data after the retention period',
      params: workspaceParams.extend({ channelId: z.string().min(1).max(100) }),
      response: {
        200: z.object({
          channel,
          revokedAtNetwork: z.boolean(),
          revokeSkipped: z.enum(['network_has_no_revoke', 'grant_shared']).nullable().describe('Why the network was not asked to revoke: it offers no way to, or another connected channel still uses the same grant'),
        }),
      },
    },
    handler: async (req) => disconnectChannel(req.serviceContext(), deps, req.params.workspaceId, req.params.channelId, requestLanguage(req)),
  });

  app.post('/workspaces/:workspaceId/channels/:channelId/refresh', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary: "Read the account's name, avatar and limits again from the network (one token refresh if the network rejects the token)",
      params: workspaceParams.extend({ channelId: z.string().min(1).max(100) }),
      response: { 200: z.object({ channel }) },
    },
    handler: async (req) => ({ channel: await service.refreshChannelProfile(req.serviceContext(), deps, req.params.workspaceId, req.params.channelId, requestLanguage(req)) }),
  });

  app.get('/workspaces/:workspaceId/channels/:channelId/avatar', {
    config: { access: 'channels.read' },
    schema: { tags, summary: "The channel's avatar, as Herald copied it from the network", params: workspaceParams.extend({ channelId: z.string().min(1).max(100) }) },
    handler: async (req, reply) => {
      const avatar = await readAvatar(req.serviceContext().db, req.params.workspaceId, req.params.channelId);
      if (!avatar) throw new AppError('not_found', 404, 'This channel has no avatar');
      return reply.type(avatar.contentType).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(avatar.bytes);
    },
  });
};
