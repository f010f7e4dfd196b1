import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { CreatorInfo } from '../../../web/modules/posts/posts.api.ts';
import type { PreviewProps } from '../../web-types.ts';

export function TikTokPreview({ content, uploads, preflight }: PreviewProps) {
  const { t } = useTranslation('network-tiktok');
  const first = content.media.map((m) => uploads[m.key]).find((u) => u && u.state !== 'failed');
  const src = first ? (first.media?.url ?? first.previewUrl ?? undefined) : undefined;
  return (
    <div className="pv pv-tiktok">
      <div className="pv-tt-screen">
        {first?.kind === 'video' ? <video src={src} muted playsInline loop autoPlay preload="metadata" aria-label={t('web.preview.video')} /> : first ? <img src={src} alt="" /> : <div className="pv-tt-empty">{t('web.preview.empty')}</div>}
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
          <strong>@{content.channel.username ?? (preflight.data as CreatorInfo | undefined)?.nickname}</strong>
          <div className="pv-text">
            <RichText text={content.text} />
          </div>
          {content.settings.brandContent ? <span className="pv-tt-label">{t('web.preview.paid')}</span> : content.settings.brandOrganic ? <span className="pv-tt-label">{t('web.preview.promotional')}</span> : null}
        </div>
      </div>
    </div>
  );
}

