// The pin as Pinterest shows it: the image or video in its own shape (a carousel with its dots),
// the title, the description cut after a few lines, the link's domain, and who saved it to which board.
import { Trans, useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';
import { boardsOf, linkDomain } from './boards.ts';
import './preview.css';

/** Pinterest shows a pin at its own shape, cropped no taller than 1:2.1. */
const ratioOf = (width: number | null | undefined, height: number | null | undefined) => (width && height ? `${Math.max(width / height, 1 / 2.1)}` : '2 / 3');

export function PinterestPreview({ content, uploads, preflight }: PreviewProps) {
  const { t } = useTranslation('network-pinterest');
  const items = content.media.map((m) => uploads[m.key]).filter((u) => u && u.state !== 'failed');
  const coverId = content.settings.coverMediaId;
  const video = items.find((u) => u!.kind === 'video');
  const shown = video ?? items[0];
  const src = shown ? (shown.media?.url ?? shown.previewUrl ?? undefined) : undefined;
  const cover = video && typeof coverId === 'string' ? items.find((u) => u!.media?.id === coverId) : undefined;
  const title = typeof content.settings.title === 'string' ? content.settings.title : '';
  const domain = linkDomain(content.settings.link);
  const boardId = content.settings.boardId;
  const boardName = boardsOf(preflight.data)?.find((b) => b.id === boardId)?.name ?? (typeof content.settings.boardName === 'string' ? content.settings.boardName : null);
  const carousel = !video && items.length > 1;
  return (
    <div className="pv pv-pinterest">
      <div className="pv-pin-media" style={{ aspectRatio: ratioOf(shown?.media?.width, shown?.media?.height) }}>
        {shown?.kind === 'video' ? (
          <video src={src} poster={cover?.media?.url ?? undefined} muted playsInline loop autoPlay preload="metadata" aria-label={t('web.preview.videoPin')} />
        ) : shown ? (
          <img src={src} alt={content.media[0]?.altText ?? ''} />
        ) : (
          <div className="pv-pin-empty">{t('web.preview.empty')}</div>
        )}
        {domain ? <span className="pv-pin-domain">{domain}</span> : null}
        {carousel ? (
          <span className="pv-pin-dots" aria-label={t('web.preview.carouselOf', { total: items.length })}>
            {items.map((_, i) => (
              <span key={i} className={i === 0 ? 'pv-pin-dot is-current' : 'pv-pin-dot'} />
            ))}
          </span>
        ) : null}
        <span className="pv-pin-save" aria-hidden="true">
          {t('web.preview.save')}
        </span>
      </div>
      {title ? <h3 className="pv-pin-title">{title}</h3> : null}
      {content.text ? (
        <div className="pv-text pv-pin-description">
          <RichText text={content.text} />
        </div>
      ) : null}
      <div className="pv-pin-who">
        <Avatar name={name(content.channel)} src={content.channel.avatar} size="sm" />
        <span>
          <strong>{content.channel.displayName ?? content.channel.username}</strong>
          <span className="muted small">
            {' '}
            {boardName ? <Trans t={t} i18nKey="web.preview.savedTo" values={{ board: boardName }} components={{ board: <strong /> }} /> : t('web.preview.savedToNoBoard')}
          </span>
        </span>
      </div>
    </div>
  );
}
