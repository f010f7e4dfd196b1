import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';
import './preview.css';

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** The watch page (player, title, channel, the start of the description) or a Short's 9:16 frame. */
export function YouTubePreview({ content, uploads }: PreviewProps) {
  const { t } = useTranslation('network-youtube');
  const files = content.media.map((m) => uploads[m.key]).filter((u) => u && u.state !== 'failed');
  const video = files.find((u) => u!.kind === 'video');
  const thumbnail = files.find((u) => u!.kind === 'image');
  const src = (u: typeof video) => (u ? (u.media?.url ?? u.previewUrl ?? undefined) : undefined);
  const title = String(content.settings.title ?? '') || t('web.preview.untitled');
  const channelName = name(content.channel);
  if (content.settings.short === true) {
    return (
      <div className="pv pv-youtube pv-yt-short" data-testid="youtube-short-preview">
        <div className="pv-yt-short-frame">
          {video ? <video src={src(video)} poster={src(thumbnail)} muted playsInline loop autoPlay preload="metadata" aria-label={t('web.preview.video')} /> : <div className="pv-yt-empty">{t('web.preview.addVertical')}</div>}
          <div className="pv-yt-short-caption">
            <span className="pv-yt-channel">
              <Avatar name={channelName} src={content.channel.avatar} size="sm" /> @{content.channel.username ?? channelName}
            </span>
            <strong>{title}</strong>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="pv pv-youtube" data-testid="youtube-watch-preview">
      <div className="pv-yt-player">
        {video ? <video src={src(video)} poster={src(thumbnail)} controls muted playsInline preload="metadata" aria-label={t('web.preview.video')} /> : <div className="pv-yt-empty">{t('web.preview.addVideo')}</div>}
      </div>
      <h3 className="pv-yt-title">{title}</h3>
      <div className="pv-yt-channel">
        <Avatar name={channelName} src={content.channel.avatar} size="sm" />
        <strong>{channelName}</strong>
      </div>
      <div className="pv-yt-description pv-text">
        <RichText text={excerpt(content.text)} />
      </div>
    </div>
  );
}
