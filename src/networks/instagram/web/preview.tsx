// Instagram as the app shows it: a square-ish feed post (with carousel dots), or a full-height
// Reel or story, the caption under the picture with "… more" after two lines, the first comment below.
import { Avatar } from '../../../web/components/avatar.tsx';
import { previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';

export function InstagramPreview({ content, uploads }: PreviewProps) {
  const format = String(content.settings.format ?? 'feed');
  const items = content.media.map((m) => uploads[m.key]).filter((u) => u && u.state !== 'failed');
  const first = items[0];
  const src = first ? (first.media?.url ?? first.previewUrl ?? undefined) : undefined;
  const handle = content.channel.username ?? name(content.channel);
  const picture = first?.kind === 'video' ? <video src={src} muted playsInline loop autoPlay preload="metadata" aria-label="Video" /> : first ? <img src={src} alt="" /> : <div className="pv-ig-empty">Add a photo or a video</div>;
  if (format === 'reel' || format === 'story') {
    return (
      <div className={`pv pv-instagram pv-ig-${format}`}>
        <div className="pv-ig-tall">
          {picture}
          <div className="pv-ig-overlay">
            <span className="pv-ig-who">
              <Avatar name={name(content.channel)} src={content.channel.avatar} size="sm" /> <strong>{handle}</strong>
            </span>
            {format === 'reel' ? (
              <div className="pv-text pv-ig-caption">
                <RichText text={content.text} />
              </div>
            ) : null}
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="pv pv-instagram pv-ig-feed">
      <div className="pv-ig-head">
        <Avatar name={name(content.channel)} src={content.channel.avatar} size="sm" />
        <strong>{handle}</strong>
      </div>
      <div className="pv-ig-square">{picture}</div>
      {items.length > 1 ? (
        <div className="pv-ig-dots" aria-label={`Carousel of ${items.length}`}>
          {items.map((_, i) => (
            <span key={i} className={i === 0 ? 'pv-ig-dot is-current' : 'pv-ig-dot'} />
          ))}
        </div>
      ) : null}
      <div className="pv-text pv-ig-caption">
        <strong>{handle}</strong> <RichText text={content.text} />
      </div>
      {content.firstComment ? (
        <div className="pv-text pv-ig-comment">
          <strong>{handle}</strong> <RichText text={content.firstComment} />
        </div>
      ) : null}
    </div>
  );
}
