import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { MediaGrid, previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { MediaSlot, Upload } from '../../../web/modules/posts/composer-model.ts';
import type { Channel } from '../../../web/modules/channels/channels.api.ts';
import type { PreviewProps } from '../../web-types.ts';
import { captionLanguageName, captionsFrom, type Caption } from './captions.ts';
import './bluesky.css';

/** Caption files as object URLs for <track> (the page's policy allows blob: media), released when they change. */
function useCaptionUrls(captions: Caption[]) {
  const urls = useMemo(() => captions.map((c) => ({ ...c, url: URL.createObjectURL(new Blob([c.vtt], { type: 'text/vtt' })) })), [captions]);
  useEffect(() => () => urls.forEach((c) => URL.revokeObjectURL(c.url)), [urls]);
  return urls;
}

/** A video as Bluesky's app plays it: alone, in its own shape, with its captions and alt text. */
function BlueskyVideo({ upload, altText, captions }: { upload: Upload; altText: string; captions: Caption[] }) {
  const { t } = useTranslation('network-bluesky');
  const tracks = useCaptionUrls(captions);
  const src = upload.media?.url ?? upload.previewUrl ?? undefined;
  const width = upload.media?.width;
  const height = upload.media?.height;
  return (
    <figure className="pv-bsky-video" style={width && height ? { aspectRatio: `${width} / ${height}` } : undefined}>
      <video src={src} controls playsInline preload="metadata" aria-label={altText ? t('web.preview.videoWithAlt', { alt: altText }) : t('web.preview.video')}>
        {tracks.map((track, i) => (
          <track key={track.lang} kind="captions" srcLang={track.lang} label={captionLanguageName(track.lang)} src={track.url} default={i === 0} />
        ))}
      </video>
      {altText ? <figcaption className="pv-bsky-alt">{t('web.preview.alt')}</figcaption> : null}
    </figure>
  );
}

function BlueskyPost({ channel, text, media, uploads, reply, captions = [] }: { channel: Channel; text: string; media: MediaSlot[]; uploads: Record<string, Upload>; reply?: boolean; captions?: Caption[] }) {
  const { t } = useTranslation('network-bluesky');
  const videoSlot = media.find((slot) => uploads[slot.key]?.kind === 'video' && uploads[slot.key]?.state !== 'failed');
  return (
    <div className={reply ? 'pv-bsky-post is-reply' : 'pv-bsky-post'}>
      <div className="pv-bsky-gutter">
        <Avatar name={name(channel)} src={channel.avatar} />
      </div>
      <div className="pv-body">
        <div className="pv-head">
          <strong>{name(channel)}</strong> <span className="pv-handle">@{channel.username}</span> <span className="pv-handle">· {t('web.preview.now')}</span>
        </div>
        <div className="pv-text">
          <RichText text={text} />
        </div>
        {videoSlot ? <BlueskyVideo upload={uploads[videoSlot.key]!} altText={videoSlot.altText} captions={captions} /> : <MediaGrid slots={media} uploads={uploads} />}
      </div>
    </div>
  );
}

export function BlueskyPreview({ content, uploads }: PreviewProps) {
  return (
    <div className="pv pv-bluesky">
      <BlueskyPost
        channel={content.channel}
        text={content.text}
        media={content.media}
        uploads={uploads}
        reply={content.threadParts.length > 0 || !!content.firstComment}
        captions={captionsFrom(content.settings)}
      />
      {content.threadParts.map((text, i) => (
        <BlueskyPost key={i} channel={content.channel} text={text} media={[]} uploads={uploads} reply={i < content.threadParts.length - 1 || !!content.firstComment} />
      ))}
      {content.firstComment ? <BlueskyPost channel={content.channel} text={content.firstComment} media={[]} uploads={uploads} /> : null}
    </div>
  );
}

