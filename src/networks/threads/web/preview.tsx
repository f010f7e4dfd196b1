import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { MediaSlot, Upload } from '../../../web/modules/posts/composer-model.ts';
import type { Channel } from '../../../web/modules/channels/channels.api.ts';
import type { PreviewProps } from '../../web-types.ts';
import './preview.css';

/** Threads shows one photo or video full width, and a carousel as a row that scrolls sideways. */
function ThreadsMedia({ slots, uploads }: { slots: MediaSlot[]; uploads: Record<string, Upload> }) {
  const { t } = useTranslation('network-threads');
  const items = slots.map((slot) => ({ slot, upload: uploads[slot.key] })).filter((i) => i.upload && i.upload.state !== 'failed');
  if (!items.length) return null;
  return (
    <div className={items.length > 1 ? 'pv-th-media is-carousel' : 'pv-th-media'}>
      {items.map(({ slot, upload }) => {
        const src = upload!.media?.url ?? upload!.previewUrl ?? undefined;
        return upload!.kind === 'video' ? <video key={slot.key} src={src} muted playsInline preload="metadata" aria-label={t('web.preview.video')} /> : <img key={slot.key} src={src} alt={slot.altText} />;
      })}
    </div>
  );
}

function hostOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link;
  }
}

function ThreadsPost(props: { channel: Channel; text: string; media: MediaSlot[]; uploads: Record<string, Upload>; topic?: string; link?: string; more: boolean }) {
  const { channel, text, media, uploads, topic, link, more } = props;
  const { t } = useTranslation('network-threads');
  return (
    <div className={more ? 'pv-th-post has-more' : 'pv-th-post'}>
      <div className="pv-th-gutter">
        <Avatar name={name(channel)} src={channel.avatar} />
      </div>
      <div className="pv-th-body">
        <div className="pv-th-head">
          <strong>{channel.username ?? name(channel)}</strong>
          {topic ? <span className="pv-th-topic">› {topic}</span> : null}
          <span className="pv-handle">{t('web.preview.now')}</span>
        </div>
        {text ? (
          <div className="pv-text">
            <RichText text={text} />
          </div>
        ) : null}
        <ThreadsMedia slots={media} uploads={uploads} />
        {link ? (
          <div className="pv-th-card">
            <span className="pv-handle">{hostOf(link)}</span>
            <span>{link}</span>
          </div>
        ) : null}
        <div className="pv-th-actions" aria-hidden="true">
          <span>♡</span>
          {/* A drawn bubble: an emoji shows as an empty box where no emoji font is installed. */}
          <svg viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
            <path d="M21 12a8.5 8.5 0 0 1-12.3 7.6L3 21l1.4-5.2A8.5 8.5 0 1 1 21 12z" />
          </svg>
          <span>⟲</span>
          <span>➤</span>
        </div>
      </div>
    </div>
  );
}

/** The post as the Threads app shows it; a chain as replies joined by a line. */
export function ThreadsPreview({ content, uploads }: PreviewProps) {
  const topic = typeof content.settings.topicTag === 'string' ? content.settings.topicTag : undefined;
  const link = typeof content.settings.linkAttachment === 'string' && content.media.length === 0 ? content.settings.linkAttachment : undefined;
  return (
    <div className="pv pv-threads">
      <ThreadsPost channel={content.channel} text={content.text} media={content.media} uploads={uploads} topic={topic} link={link} more={content.threadParts.length > 0} />
      {content.threadParts.map((text, i) => (
        <ThreadsPost key={i} channel={content.channel} text={text} media={[]} uploads={uploads} more={i < content.threadParts.length - 1} />
      ))}
    </div>
  );
}
