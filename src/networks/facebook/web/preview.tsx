import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { MediaGrid, previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';

const hostOf = (link: string) => {
  try {
    return new URL(link).hostname.replace(/^www\./, '').toUpperCase();
  } catch {
    return '';
  }
};

/** A Page post as the feed shows it (name, "Just now", text, photos or link card), or a Reel. */
export function FacebookPreview({ content, uploads }: PreviewProps) {
  const { t } = useTranslation('network-facebook');
  const { channel, settings } = content;
  const link = typeof settings.link === 'string' ? settings.link : '';
  const reel = settings.format === 'reel';
  return (
    <div className="pv pv-facebook">
      <div className="pv-masto-status">
        <div className="pv-masto-head">
          <Avatar name={name(channel)} src={channel.avatar} />
          <div className="pv-masto-who">
            <strong>{name(channel)}</strong>
            <span className="pv-handle">{reel ? t('web.preview.reelJustNow') : t('web.preview.justNowPublic')}</span>
          </div>
        </div>
        <div className="pv-text">
          <RichText text={content.text} />
        </div>
        <MediaGrid slots={content.media} uploads={uploads} />
        {link && !content.media.length && !reel ? (
          <div className="pv-link-card" style={{ border: '1px solid var(--border)', borderRadius: 8, padding: '0.5rem 0.75rem', marginTop: '0.5rem' }}>
            <span className="pv-handle">{hostOf(link)}</span>
            <div>{link}</div>
          </div>
        ) : null}
        <div className="pv-handle" style={{ display: 'flex', justifyContent: 'space-around', borderTop: '1px solid var(--border)', marginTop: '0.5rem', paddingTop: '0.35rem' }}>
          <span>{t('web.preview.like')}</span>
          <span>{t('web.preview.comment')}</span>
          <span>{t('web.preview.share')}</span>
        </div>
      </div>
      {content.firstComment ? (
        <div className="pv-masto-status">
          <div className="pv-masto-head">
            <Avatar name={name(channel)} src={channel.avatar} size="sm" />
            <div className="pv-masto-who">
              <strong>{name(channel)}</strong>
              <span className="pv-handle">{t('web.preview.firstComment')}</span>
            </div>
          </div>
          <div className="pv-text">
            <RichText text={content.firstComment} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
