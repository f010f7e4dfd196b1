// Instagram as the app shows it: a feed post cropped to the first item's shape (between 4:5 and
// 1.91:1) with the carousel's dots and counter, the actions, the caption cut after two lines and the
// first comment; a Reel full height with the caption over it; a story full height with its bar.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';
import './instagram.css';

const icon = (path: string, label: string, className?: string) => (
  <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" aria-label={label} className={className}>
    <path d={path} />
  </svg>
);
const heart = 'M12 20s-7-4.4-9-8.6C1.7 8.3 3.7 5 7 5c2 0 3.3 1 5 3 1.7-2 3-3 5-3 3.3 0 5.3 3.3 4 6.4C19 15.6 12 20 12 20z';
const bubble = 'M20 12a8 8 0 1 1-3.2-6.4A8 8 0 0 1 20 12zm0 0l1 5-4.5-1.6';
const send = 'M22 3L9.5 13.5M22 3l-7 18-5.5-7.5L2 9z';
const bookmark = 'M6 3h12v18l-6-5-6 5z';

/** The feed crops every item to the first one's shape, kept between 4:5 and 1.91:1. */
function feedRatio(width: number | null | undefined, height: number | null | undefined): string {
  if (!width || !height) return '1 / 1';
  const ratio = Math.min(1.91, Math.max(0.8, width / height));
  return `${ratio}`;
}

export function InstagramPreview({ content, uploads }: PreviewProps) {
  const { t } = useTranslation('network-instagram');
  const format = String(content.settings.format ?? 'feed');
  const items = content.media.map((m) => uploads[m.key]).filter((u) => u && u.state !== 'failed');
  const first = items[0];
  const src = first ? (first.media?.url ?? first.previewUrl ?? undefined) : undefined;
  const handle = content.channel.username ?? name(content.channel);
  const picture: ReactNode =
    first?.kind === 'video' ? <video src={src} muted playsInline loop autoPlay preload="metadata" aria-label={t('web.preview.video')} /> : first ? <img src={src} alt="" /> : <div className="pv-ig-empty">{t('web.preview.empty')}</div>;

  if (format === 'reel' || format === 'story') {
    return (
      <div className={`pv pv-instagram pv-ig-${format}`}>
        <div className="pv-ig-tall">
          {picture}
          {format === 'story' ? <span className="pv-ig-bars" aria-hidden="true" /> : <span className="pv-ig-label">{t('web.preview.reels')}</span>}
          <div className="pv-ig-overlay">
            <span className="pv-ig-who">
              <Avatar name={name(content.channel)} src={content.channel.avatar} size="sm" /> <strong>{handle}</strong>
            </span>
            {format === 'reel' && content.text ? (
              <div className="pv-text pv-ig-caption">
                <RichText text={content.text} />
              </div>
            ) : null}
          </div>
        </div>
      </div>
    );
  }
  const facts = first?.media;
  return (
    <div className="pv pv-instagram pv-ig-feed">
      <div className="pv-ig-head">
        <Avatar name={name(content.channel)} src={content.channel.avatar} size="sm" />
        <strong>{handle}</strong>
        <span className="pv-ig-more" aria-hidden="true">
          •••
        </span>
      </div>
      <div className="pv-ig-frame" style={{ aspectRatio: feedRatio(facts?.width, facts?.height) }}>
        {picture}
        {items.length > 1 ? <span className="pv-ig-count">1/{items.length}</span> : null}
      </div>
      <div className="pv-ig-actions">
        {icon(heart, t('web.preview.like'))}
        {icon(bubble, t('web.preview.comment'))}
        {icon(send, t('web.preview.share'))}
        {items.length > 1 ? (
          <span className="pv-ig-dots" aria-label={t('web.preview.carouselOf', { total: items.length })}>
            {items.map((_, i) => (
              <span key={i} className={i === 0 ? 'pv-ig-dot is-current' : 'pv-ig-dot'} />
            ))}
          </span>
        ) : null}
        {icon(bookmark, t('web.preview.save'), 'pv-ig-save')}
      </div>
      {content.text ? (
        <div className="pv-text pv-ig-caption">
          <div className="pv-ig-clamp">
            <strong>{handle}</strong> <RichText text={content.text} />
          </div>
        </div>
      ) : null}
      {content.firstComment ? (
        <div className="pv-text pv-ig-comment">
          <strong>{handle}</strong> <RichText text={content.firstComment} />
        </div>
      ) : null}
    </div>
  );
}
