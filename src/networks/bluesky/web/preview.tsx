import { Avatar } from '../../../web/components/avatar.tsx';
import { MediaGrid, previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { MediaSlot, Upload } from '../../../web/modules/posts/composer-model.ts';
import type { Channel } from '../../../web/modules/channels/channels.api.ts';
import type { PreviewProps } from '../../web-types.ts';

function BlueskyPost({ channel, text, media, uploads, reply }: { channel: Channel; text: string; media: MediaSlot[]; uploads: Record<string, Upload>; reply?: boolean }) {
  return (
    <div className={reply ? 'pv-bsky-post is-reply' : 'pv-bsky-post'}>
      <div className="pv-bsky-gutter">
        <Avatar name={name(channel)} src={channel.avatar} />
      </div>
      <div className="pv-body">
        <div className="pv-head">
          <strong>{name(channel)}</strong> <span className="pv-handle">@{channel.username}</span> <span className="pv-handle">· now</span>
        </div>
        <div className="pv-text">
          <RichText text={text} />
        </div>
        <MediaGrid slots={media} uploads={uploads} />
      </div>
    </div>
  );
}

export function BlueskyPreview({ content, uploads }: PreviewProps) {
  return (
    <div className="pv pv-bluesky">
      <BlueskyPost channel={content.channel} text={content.text} media={content.media} uploads={uploads} reply={content.threadParts.length > 0 || !!content.firstComment} />
      {content.threadParts.map((text, i) => (
        <BlueskyPost key={i} channel={content.channel} text={text} media={[]} uploads={uploads} reply={i < content.threadParts.length - 1 || !!content.firstComment} />
      ))}
      {content.firstComment ? <BlueskyPost channel={content.channel} text={content.firstComment} media={[]} uploads={uploads} /> : null}
    </div>
  );
}

