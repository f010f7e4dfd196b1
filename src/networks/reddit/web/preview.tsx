// The post as Reddit shows it in its subreddit: r/name and u/author, the flair pill and the NSFW /
// spoiler tags, the title, then the Markdown body, the link's card, the image, the gallery (with
// its count) or the video; NSFW and spoiler media are blurred as Reddit blurs them.
import { useTranslation } from 'react-i18next';
import { RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';
import { linkOf, mediaShape } from '../descriptor.ts';
import { linkDomain, useSubredditRules } from './subreddits.ts';
import './preview.css';

/** How Reddit writes a subreddit's name, in every language. */
const subredditPrefix = 'r/';

export function RedditPreview({ content, uploads }: PreviewProps) {
  const { t } = useTranslation('network-reddit');
  const s = content.settings;
  const subreddit = typeof s.subreddit === 'string' && s.subreddit ? s.subreddit : null;
  const rules = useSubredditRules(content.channel, subreddit ?? undefined);
  const flair = rules.data?.subreddit.flairs.find((f) => f.id === s.flairId);
  const flairText = typeof s.flairText === 'string' && s.flairText ? s.flairText : (flair?.text ?? null);
  const title = typeof s.title === 'string' && s.title ? s.title : t('web.preview.yourTitle');
  const items = content.media.map((m) => uploads[m.key]).filter((u) => u && u.state !== 'failed');
  const shape = mediaShape(items.map((u) => ({ kind: u!.kind })));
  const link = shape === 'none' && s.kind === 'link' ? linkOf(content.text) : null;
  const blurred = s.nsfw === true || s.spoiler === true;
  const video = items.find((u) => u!.kind === 'video');
  const shown = video ?? items[0];
  const src = shown ? (shown.media?.url ?? shown.previewUrl ?? undefined) : undefined;
  const poster = video ? items.find((u) => u!.kind === 'image') : undefined;
  return (
    <article className="pv pv-reddit" aria-label={t('web.preview.label')}>
      <div className="pv-rd-head">
        <span className="pv-rd-icon" aria-hidden="true">
          {subredditPrefix}
        </span>
        <strong>{subreddit ? `r/${rules.data?.subreddit.name ?? subreddit}` : t('web.preview.chooseSubreddit')}</strong>
        <span>{t('web.preview.postedBy', { user: content.channel.username ?? t('web.preview.you') })}</span>
      </div>
      <h3 className="pv-rd-title">{title}</h3>
      {flairText || s.nsfw === true || s.spoiler === true ? (
        <div className="pv-rd-tags">
          {flairText ? (
            <span className={flair?.textColor === 'light' ? 'pv-rd-flair is-light' : 'pv-rd-flair'} style={flair?.backgroundColor ? { background: flair.backgroundColor } : undefined}>
              {flairText}
            </span>
          ) : null}
          {s.nsfw === true ? <span className="pv-rd-tag is-nsfw">{t('web.preview.nsfw')}</span> : null}
          {s.spoiler === true ? <span className="pv-rd-tag is-spoiler">{t('web.preview.spoiler')}</span> : null}
        </div>
      ) : null}
      {shape === 'none' && !link && content.text ? (
        <div className={blurred && s.spoiler === true ? 'pv-text pv-rd-body pv-rd-blur' : 'pv-text pv-rd-body'}>
          <RichText text={content.text} />
        </div>
      ) : null}
      {link ? (
        <a className="pv-rd-link" href={link} target="_blank" rel="noreferrer noopener">
          <span>{linkDomain(link)}</span>
          <span aria-hidden="true">↗</span>
        </a>
      ) : null}
      {shown && shape !== 'mixed' ? (
        <div className={blurred ? 'pv-rd-media pv-rd-blur' : 'pv-rd-media'}>
          {shown.kind === 'video' ? <video src={src} poster={poster?.media?.url ?? poster?.previewUrl ?? undefined} muted playsInline controls preload="metadata" aria-label={t('web.preview.video')} /> : <img src={src} alt={content.media[0]?.altText ?? ''} />}
          {shape === 'gallery' ? <span className="pv-rd-count">{t('web.preview.galleryCount', { current: 1, total: items.length })}</span> : null}
        </div>
      ) : null}
      <div className="pv-rd-actions" aria-hidden="true">
        <span>{t('web.preview.vote')}</span>
        <span>
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" style={{ verticalAlign: '-2px' }}>
            <path d="M4 5h16v11H9l-5 4z" />
          </svg>{' '}
          {t('web.preview.comments')}
        </span>
        <span>{t('web.preview.share')}</span>
      </div>
    </article>
  );
}
