import type { ReactNode } from 'react';
import { detectFacets } from '../../../shared/bluesky-richtext.ts';
import { utf8Length } from '../../../shared/publishing-rules.ts';
import { Avatar } from '../../components/avatar.tsx';
import type { Channel } from '../channels/channels.api.ts';
import type { MediaSlot, Upload } from './composer-model.ts';

type Span = { start: number; end: number; kind: 'link' | 'mention' | 'tag' };

/** Byte offsets (what facets use) back to string indexes. */
function indexOfByte(text: string, byte: number): number {
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    if (bytes >= byte) return index;
    bytes += utf8Length(char);
    index += char.length;
  }
  return index;
}

/** Text with links, mentions and hashtags highlighted, found as Bluesky finds them. */
export function RichText({ text }: { text: string }) {
  const { facets, mentions } = detectFacets(text);
  const spans: Span[] = [
    ...facets.map((f) => ({
      start: indexOfByte(text, f.index.byteStart),
      end: indexOfByte(text, f.index.byteEnd),
      kind: f.features[0]!.$type.endsWith('#link') ? ('link' as const) : ('tag' as const),
    })),
    ...mentions.map((m) => ({ start: indexOfByte(text, m.byteStart), end: indexOfByte(text, m.byteEnd), kind: 'mention' as const })),
  ].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out.push(text.slice(at, span.start));
    out.push(
      <span key={span.start} className={`pv-${span.kind}`}>
        {text.slice(span.start, span.end)}
      </span>,
    );
    at = span.end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

function MediaGrid({ slots, uploads }: { slots: MediaSlot[]; uploads: Record<string, Upload> }) {
  const items = slots.map((s) => ({ slot: s, upload: uploads[s.key] })).filter((i) => i.upload && i.upload.state !== 'failed');
  if (!items.length) return null;
  return (
    <div className={`pv-grid pv-grid-${Math.min(items.length, 4)}`}>
      {items.slice(0, 4).map(({ slot, upload }) => {
        const src = upload!.media?.url ?? upload!.previewUrl ?? undefined;
        return upload!.kind === 'video' ? (
          <video key={slot.key} src={src} muted playsInline preload="metadata" aria-label="Video" />
        ) : (
          <img key={slot.key} src={src} alt={slot.altText} />
        );
      })}
    </div>
  );
}

export type PreviewContent = {
  channel: Channel;
  text: string;
  media: MediaSlot[];
  threadParts: string[];
  firstComment: string | null;
  settings: Record<string, unknown>;
  nickname?: string;
};

const name = (c: Channel) => c.displayName ?? c.username ?? 'Account';

function BlueskyPost({ channel, text, media, uploads, reply }: { channel: Channel; text: string; media: MediaSlot[]; uploads: Record<string, Upload>; reply?: boolean }) {
  return (
    <div className={reply ? 'pv-bsky-post is-reply' : 'pv-bsky-post'}>
      <div className="pv-bsky-gutter">
        <Avatar name={name(channel)} src={channel.avatar} />
      </div>
      <div className="pv-body">
        <div className="pv-head">
          <strong>{name(channel)}</strong> <span className="pv-handle">@{channel.username}</span> <span className="pv-handle">· now</span>
        </div>
        <div className="pv-text">
          <RichText text={text} />
        </div>
        <MediaGrid slots={media} uploads={uploads} />
      </div>
    </div>
  );
}

function BlueskyPreview({ content, uploads }: { content: PreviewContent; uploads: Record<string, Upload> }) {
  return (
    <div className="pv pv-bluesky">
      <BlueskyPost channel={content.channel} text={content.text} media={content.media} uploads={uploads} reply={content.threadParts.length > 0 || !!content.firstComment} />
      {content.threadParts.map((text, i) => (
        <BlueskyPost key={i} channel={content.channel} text={text} media={[]} uploads={uploads} reply={i < content.threadParts.length - 1 || !!content.firstComment} />
      ))}
      {content.firstComment ? <BlueskyPost channel={content.channel} text={content.firstComment} media={[]} uploads={uploads} /> : null}
    </div>
  );
}

const visibilityLabel: Record<string, string> = { public: 'Public', unlisted: 'Quiet public', private: 'Followers', direct: 'Mentioned people only' };

function MastodonStatus({ content, text, media, uploads, first }: { content: PreviewContent; text: string; media: MediaSlot[]; uploads: Record<string, Upload>; first: boolean }) {
  const { channel } = content;
  const warning = first ? String(content.settings.spoilerText ?? '').trim() : '';
  return (
    <div className="pv-masto-status">
      <div className="pv-masto-head">
        <Avatar name={name(channel)} src={channel.avatar} square />
        <div className="pv-masto-who">
          <strong>{name(channel)}</strong>
          <span className="pv-handle">
            @{channel.username}
            {channel.instance && !channel.username?.includes('@') ? `@${channel.instance}` : ''}
          </span>
        </div>
        <span className="pv-handle pv-masto-vis">{visibilityLabel[String(content.settings.visibility ?? 'public')] ?? ''}</span>
      </div>
      {warning ? (
        <div className="pv-cw">
          <span>{warning}</span>
          <span className="pv-cw-button">Show more</span>
        </div>
      ) : (
        <>
          <div className="pv-text">
            <RichText text={text} />
          </div>
          <MediaGrid slots={media} uploads={uploads} />
        </>
      )}
    </div>
  );
}

function MastodonPreview({ content, uploads }: { content: PreviewContent; uploads: Record<string, Upload> }) {
  return (
    <div className="pv pv-mastodon">
      <MastodonStatus content={content} text={content.text} media={content.media} uploads={uploads} first />
      {content.threadParts.map((text, i) => (
        <MastodonStatus key={i} content={content} text={text} media={[]} uploads={uploads} first={false} />
      ))}
      {content.firstComment ? <MastodonStatus content={content} text={content.firstComment} media={[]} uploads={uploads} first={false} /> : null}
    </div>
  );
}

function TikTokPreview({ content, uploads }: { content: PreviewContent; uploads: Record<string, Upload> }) {
  const first = content.media.map((m) => uploads[m.key]).find((u) => u && u.state !== 'failed');
  const src = first ? (first.media?.url ?? first.previewUrl ?? undefined) : undefined;
  return (
    <div className="pv pv-tiktok">
      <div className="pv-tt-screen">
        {first?.kind === 'video' ? <video src={src} muted playsInline loop autoPlay preload="metadata" aria-label="Video" /> : first ? <img src={src} alt="" /> : <div className="pv-tt-empty">Add a video or photos</div>}
        {first?.kind === 'video' ? (
          <span className="pv-tt-play" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="36" height="36" fill="currentColor">
              <path d="M8 5v14l11-7z" />
            </svg>
          </span>
        ) : null}
        <div className="pv-tt-rail" aria-hidden="true">
          <Avatar name={name(content.channel)} src={content.channel.avatar} size="sm" />
          <svg viewBox="0 0 24 24" width="22" height="22" fill="currentColor">
            <path d="M12 21s-7.5-4.6-9.5-9.1C1.1 8.6 3.2 5 6.6 5c2 0 3.4 1.1 4.4 2.5h2C14 6.1 15.4 5 17.4 5c3.4 0 5.5 3.6 4.1 6.9C19.5 16.4 12 21 12 21z" />
          </svg>
          <svg viewBox="0 0 24 24" width="22" height="22" fill="currentColor">
            <path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.6 1.4 4.9 3.6 6.5L5 21.5l4.1-2.2c.9.2 1.9.3 2.9.3 5.5 0 10-3.8 10-8.5S17.5 3 12 3z" />
          </svg>
          <svg viewBox="0 0 24 24" width="22" height="22" fill="currentColor">
            <path d="M14 4l8 7.5-8 7.5v-4.5c-5.5 0-9 1.6-12 5.5 1-5.5 4.5-10.5 12-11.5V4z" />
          </svg>
        </div>
        <div className="pv-tt-caption">
          <strong>@{content.channel.username ?? content.nickname}</strong>
          <div className="pv-text">
            <RichText text={content.text} />
          </div>
          {content.settings.brandContent ? <span className="pv-tt-label">Paid partnership</span> : content.settings.brandOrganic ? <span className="pv-tt-label">Promotional content</span> : null}
        </div>
      </div>
    </div>
  );
}

/** How the post will look on each selected channel, as the user types. */
export function Preview({ content, uploads }: { content: PreviewContent; uploads: Record<string, Upload> }) {
  if (content.channel.network === 'bluesky') return <BlueskyPreview content={content} uploads={uploads} />;
  if (content.channel.network === 'mastodon') return <MastodonPreview content={content} uploads={uploads} />;
  return <TikTokPreview content={content} uploads={uploads} />;
}
