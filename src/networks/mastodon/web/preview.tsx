import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { MediaGrid, previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { MediaSlot, Upload } from '../../../web/modules/posts/composer-model.ts';
import type { PreviewContent, PreviewProps } from '../../web-types.ts';

const visibilities = new Set(['public', 'unlisted', 'private', 'direct']);

function MastodonStatus({ content, text, media, uploads, first }: { content: PreviewContent; text: string; media: MediaSlot[]; uploads: Record<string, Upload>; first: boolean }) {
  const { t } = useTranslation('network-mastodon');
  const { channel } = content;
  const visibility = String(content.settings.visibility ?? 'public');
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
        <span className="pv-handle pv-masto-vis">{visibilities.has(visibility) ? t(`web.preview.visibility.${visibility}`) : ''}</span>
      </div>
      {warning ? (
        <div className="pv-cw">
          <span>{warning}</span>
          <span className="pv-cw-button">{t('web.preview.showMore')}</span>
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

export function MastodonPreview({ content, uploads }: PreviewProps) {
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

