import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { MediaGrid, previewName as name } from '../../../web/modules/posts/composer-preview.tsx';
import type { PreviewProps } from '../../web-types.ts';
import { linksIn } from '../counting.ts';
import { quotedPostId, xSettings } from '../descriptor.ts';
import './preview.css';

/** How X shows a link in a post: without the scheme, cut after 23 characters of address. */
export function displayLink(url: string): string {
  const bare = url.replace(/^https?:\/\/(www\.)?/i, '');
  return bare.length > 26 ? `${bare.slice(0, 23)}…` : bare;
}

const handleOrTag = /(^|[^\w@#])([@#][\p{L}\p{N}_]+)/gu;

/** Text as X shows it: links found as X finds them (twitter-text), shortened; @handles and #tags coloured. */
export function XText({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let at = 0;
  const plain = (chunk: string, key: number) => {
    let last = 0;
    const pieces: ReactNode[] = [];
    for (const m of chunk.matchAll(handleOrTag)) {
      const start = m.index + m[1]!.length;
      pieces.push(chunk.slice(last, start));
      pieces.push(
        <span key={`${key}-${start}`} className={m[2]!.startsWith('@') ? 'pv-mention' : 'pv-tag'}>
          {m[2]}
        </span>,
      );
      last = start + m[2]!.length;
    }
    pieces.push(chunk.slice(last));
    return pieces;
  };
  for (const link of linksIn(text)) {
    out.push(...plain(text.slice(at, link.start), at));
    out.push(
      <span key={`l${link.start}`} className="pv-link" title={link.url}>
        {displayLink(link.url)}
      </span>,
    );
    at = link.end;
  }
  out.push(...plain(text.slice(at), at));
  return <>{out}</>;
}

const durationWords = (minutes: number, t: TFunction<'network-x'>) => {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const words = [days ? t('web.preview.days', { count: days }) : '', hours ? t('web.preview.hours', { count: hours }) : '', rest ? t('web.preview.minutes', { count: rest }) : ''];
  return words.filter(Boolean).join(' ') || t('web.preview.minutes', { count: 0 });
};

/** A post, and each thread part after it, as X's timeline shows them. */
export function XPreview({ content, uploads }: PreviewProps) {
  const { t } = useTranslation('network-x');
  const { channel } = content;
  const parsed = xSettings.safeParse(content.settings);
  const s = parsed.success ? parsed.data : null;
  const handle = channel.username ?? t('web.preview.account');
  const quote = s ? quotedPostId(s.quote) : null;
  const texts = [content.text, ...content.threadParts];
  return (
    <div className="pv pv-x" data-testid="x-preview">
      {texts.map((text, i) => (
        <article key={i} className="pv-x-post" data-testid="x-preview-post">
          <div className="pv-x-side">
            <Avatar name={name(channel)} src={channel.avatar} />
            {i < texts.length - 1 ? <span className="pv-x-thread-line" aria-hidden="true" /> : null}
          </div>
          <div className="pv-x-body">
            <div className="pv-x-who">
              <strong>{name(channel)}</strong> <span className="pv-handle">
                @{handle} · {t('web.preview.now')}
              </span>
            </div>
            {text ? (
              <div className="pv-text">
                <XText text={text} />
              </div>
            ) : null}
            {i === 0 ? <MediaGrid slots={content.media} uploads={uploads} /> : null}
            {i === 0 && s?.poll ? (
              <div className="pv-x-poll" data-testid="x-preview-poll">
                {s.poll.options.map((option, n) => (
                  <div key={n} className="pv-x-poll-option">
                    {option || t('web.preview.choice', { number: n + 1 })}
                  </div>
                ))}
                <span className="pv-handle">{t('web.preview.votes', { duration: durationWords(s.poll.durationMinutes, t) })}</span>
              </div>
            ) : null}
            {i === 0 && quote ? (
              <div className="pv-x-quote" data-testid="x-preview-quote">
                <span className="pv-handle">{t('web.preview.quoting', { id: quote })}</span>
              </div>
            ) : null}
            {i === 0 && s && s.replySettings !== 'everyone' ? <div className="pv-handle pv-x-reply-rule">{t(`web.preview.reply.${s.replySettings}`, { handle })}</div> : null}
          </div>
        </article>
      ))}
    </div>
  );
}
