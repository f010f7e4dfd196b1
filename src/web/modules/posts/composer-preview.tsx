import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { detectFacets } from '../../../networks/bluesky/richtext.ts';
import { utf8Length } from '../../../shared/publishing-rules.ts';
import { networkWeb } from '../../../networks/web.ts';
import type { Preflight, PreviewContent } from '../../../networks/web-types.ts';
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

export function MediaGrid({ slots, uploads }: { slots: MediaSlot[]; uploads: Record<string, Upload> }) {
  const { t } = useTranslation('posts');
  const items = slots.map((s) => ({ slot: s, upload: uploads[s.key] })).filter((i) => i.upload && i.upload.state !== 'failed');
  if (!items.length) return null;
  return (
    <div className={`pv-grid pv-grid-${Math.min(items.length, 4)}`}>
      {items.slice(0, 4).map(({ slot, upload }) => {
        const src = upload!.media?.url ?? upload!.previewUrl ?? undefined;
        if (upload!.kind === 'document') {
          return (
            <div key={slot.key} className="pv-document" role="img" aria-label={t('preview.pdf', { name: upload!.fileName })}>
              <span className="pv-document-mark">PDF</span>
              <span className="pv-document-name">{upload!.fileName}</span>
            </div>
          );
        }
        return upload!.kind === 'video' ? (
          <video key={slot.key} src={src} muted playsInline preload="metadata" aria-label={t('media.video')} />
        ) : (
          <img key={slot.key} src={src} alt={slot.altText} />
        );
      })}
    </div>
  );
}

/** The account's name as a preview shows it. */
export const previewName = (c: Channel) => c.displayName ?? c.username ?? i18n.t('posts:preview.account');

/** How the post will look on a selected channel, as the user types: the network's own preview. */
export function Preview({ content, uploads, preflight }: { content: PreviewContent; uploads: Record<string, Upload>; preflight: Preflight }) {
  const Network = networkWeb(content.channel.network)?.Preview;
  return Network ? <Network content={content} uploads={uploads} preflight={preflight} /> : null;
}
