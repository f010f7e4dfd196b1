// What each selected channel's network adds to the composer, from the web registry: its
// pre-flight read, its options panel and its preview.
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { networkWeb } from '../../../networks/web.ts';
import type { Preflight } from '../../../networks/web-types.ts';
import { descriptorOf } from '../../../shared/networks.ts';
import { descriptorKeys } from '../../../networks/texts.ts';
import { publishingRules } from '../../../shared/publishing-rules.ts';
import { Notice } from '../../components/feedback.tsx';
import { NetworkMark } from '../../components/network-mark.tsx';
import { isNetwork, networkLabel } from '../../components/networks.ts';
import { useNetworks, type Channel } from '../channels/channels.api.ts';
import type { Draft, Upload } from './composer-model.ts';
import { Preview } from './composer-preview.tsx';
import { LinkCardPreview } from './composer-link-card.tsx';
import type { Media } from './posts.api.ts';

const idle: Preflight = { data: undefined, error: null, isPending: false, enabled: false };

/** The pre-flight read of every selected channel whose network has one, by channel id. */
export function usePreflights(workspaceId: string, channels: Channel[], settings: Draft['settings']): Map<string, Preflight> {
  const reading = channels.flatMap((channel) => {
    const read = networkWeb(channel.network)?.preflight;
    return read ? [{ channel, query: read.query({ workspaceId, channel, settings: settings[channel.id] ?? {} }) }] : [];
  });
  const results = useQueries({ queries: reading.map(({ query }) => ({ ...query, staleTime: 60_000, retry: false })) });
  const byChannel = new Map<string, Preflight>();
  reading.forEach(({ channel, query }, index) => {
    const result = results[index];
    byChannel.set(channel.id, { data: result?.data, error: result?.error ?? null, isPending: result?.isPending ?? true, enabled: query.enabled });
  });
  return byChannel;
}

export const preflightOf = (preflights: Map<string, Preflight>, channelId: string) => preflights.get(channelId) ?? idle;

/** Why publishing must wait for a pre-flight read, one line per channel still waiting. */
export function preflightWaits(channels: Channel[], preflights: Map<string, Preflight>): string[] {
  return channels.flatMap((channel) => {
    const waiting = networkWeb(channel.network)?.preflight?.waiting(channel, preflightOf(preflights, channel.id));
    return waiting ? [waiting] : [];
  });
}

/**
 * Said as soon as a channel is picked, not when a photo is refused: the networks that download
 * media from Herald cannot get it from this Herald, and what still works there.
 */
export function PublicMediaNotices({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation('posts');
  const networks = useNetworks();
  if (!networks.data || networks.data.mediaByUrl) return null;
  const picked = [...new Set(channels.map((c) => c.network))].flatMap((network) => {
    const english = descriptorOf(network)?.withoutPublicMedia;
    return english ? [{ network, words: t(descriptorKeys.withoutPublicMedia, { ns: `network-${network}`, defaultValue: english }) }] : [];
  });
  return (
    <>
      {picked.map(({ network, words }) => (
        <div key={network} data-testid={`no-public-media-${network}`}>
          <Notice tone="warn">{words}</Notice>
        </div>
      ))}
    </>
  );
}

export function NetworkPanels({
  channels,
  draft,
  uploads,
  preflights,
  onSettings,
  errorFor,
}: {
  channels: Channel[];
  draft: Draft;
  uploads: Record<string, Upload>;
  preflights: Map<string, Preflight>;
  onSettings: (channelId: string, settings: Record<string, unknown>) => void;
  errorFor: (channelId: string, field: string) => string | undefined;
}) {
  return (
    <>
      {channels.map((channel) => {
        const Panel = networkWeb(channel.network)?.OptionsPanel;
        if (!Panel) return null;
        const slots = draft.overrides[channel.id]?.media ?? draft.media;
        const files = slots.map((s) => uploads[s.key]?.media).filter((m): m is Media => !!m);
        return (
          <Panel
            key={channel.id}
            channel={channel}
            settings={draft.settings[channel.id] ?? {}}
            onChange={(settings) => onSettings(channel.id, settings)}
            errorFor={(field) => errorFor(channel.id, field)}
            files={files}
            preflight={preflightOf(preflights, channel.id)}
          />
        );
      })}
    </>
  );
}

export function Previews({ workspaceId, channels, draft, uploads, preflights }: { workspaceId: string; channels: Channel[]; draft: Draft; uploads: Record<string, Upload>; preflights: Map<string, Preflight> }) {
  const { t } = useTranslation('posts');
  return (
    <aside className="cm-previews" aria-label={t('preview.label')}>
      <h2 className="cm-previews-title">{t('preview.title')}</h2>
      {channels.length === 0 ? <p className="muted small">{t('preview.empty')}</p> : null}
      {channels.map((channel) => {
        const own = draft.overrides[channel.id];
        const rules = isNetwork(channel.network) ? publishingRules[channel.network] : null;
        return (
          <div key={channel.id} className="cm-preview" data-testid={`preview-${channel.network}`}>
            <div className="cm-preview-label">
              <NetworkMark network={channel.network} />
              {networkLabel(channel.network)}
            </div>
            <Preview
              uploads={uploads}
              preflight={preflightOf(preflights, channel.id)}
              content={{
                channel,
                text: own ? own.text : draft.text,
                media: own ? own.media : draft.media,
                threadParts: rules?.replyChains ? draft.threadParts : [],
                firstComment: rules?.firstComment && draft.firstComment.trim() ? draft.firstComment : null,
                settings: draft.settings[channel.id] ?? {},
              }}
            />
            {draft.linkCard && !(own ? own.media : draft.media).length ? <LinkCardPreview workspaceId={workspaceId} card={draft.linkCard} utm={draft.utm[channel.id]} network={channel.network} /> : null}
          </div>
        );
      })}
    </aside>
  );
}
