import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import { MediaGrid, previewName as name, RichText } from '../../../web/modules/posts/composer-preview.tsx';
import type { Upload } from '../../../web/modules/posts/composer-model.ts';
import type { PreviewProps } from '../../web-types.ts';
import { LINKEDIN_SEE_MORE_AT } from '../descriptor.ts';
import { visibleText } from '../little-text.ts';

const hostOf = (link: string) => {
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** Where the feed cuts the text before "…see more": about 210 characters, at a word boundary. */
export function seeMoreCut(text: string, at = LINKEDIN_SEE_MORE_AT): string | null {
  if (text.length <= at) return null;
  const cut = text.slice(0, at);
  const space = cut.lastIndexOf(' ');
  return (space > at * 0.6 ? cut.slice(0, space) : cut).trimEnd();
}

const isDocument = (upload: Upload | undefined) => upload?.kind === 'document';
const pagesOf = (upload: Upload | undefined) => {
  const count = (upload?.media as { pageCount?: unknown } | null | undefined)?.pageCount;
  return typeof count === 'number' ? count : null;
};

/** A PDF as LinkedIn shows it in the feed: a carousel card with the title and page count. */
function DocumentCard({ title, pages }: { title: string; pages: number | null }) {
  const { t } = useTranslation('network-linkedin');
  return (
    <div className="pv-li-document" data-testid="linkedin-document" style={{ border: '1px solid var(--border)', borderRadius: 8, marginTop: '0.5rem', overflow: 'hidden' }}>
      <div style={{ padding: '0.4rem 0.75rem', borderBottom: '1px solid var(--border)' }}>
        <strong>{title || t('web.preview.untitledDocument')}</strong>
        <span className="pv-handle"> · {pages === null ? 'PDF' : t('web.preview.pageCount', { count: pages })}</span>
      </div>
      <div aria-label={t('web.preview.firstPage')} style={{ aspectRatio: '4 / 5', display: 'grid', placeItems: 'center', background: 'var(--surface-2, #f3f2ef)' }}>
        <span className="pv-handle">{pages ? t('web.preview.firstPageOf', { pages }) : t('web.preview.firstPage')}</span>
      </div>
    </div>
  );
}

/** A post as the LinkedIn feed shows it: author, text with "…see more", photos, video, link or document card. */
export function LinkedInPreview({ content, uploads }: PreviewProps) {
  const { t } = useTranslation('network-linkedin');
  const { channel, settings } = content;
  const [expanded, setExpanded] = useState(false);
  const text = visibleText(content.text);
  const cut = expanded ? null : seeMoreCut(text);
  const link = typeof settings.linkUrl === 'string' ? settings.linkUrl : '';
  const documentSlot = content.media.find((slot) => isDocument(uploads[slot.key]));
  const page = channel.externalId.startsWith('urn:li:organization:');
  const audience = page || settings.visibility !== 'CONNECTIONS' ? t('web.preview.audience.anyone') : t('web.preview.audience.connections');
  const thumbnail = link ? content.media.map((slot) => uploads[slot.key]).find((u) => u && u.kind === 'image') : undefined;
  return (
    <div className="pv pv-linkedin">
      <div className="pv-masto-status">
        <div className="pv-masto-head">
          <Avatar name={name(channel)} src={channel.avatar} />
          <div className="pv-masto-who">
            <strong>{name(channel)}</strong>
            <span className="pv-handle">{page ? t('web.preview.pageByline', { audience }) : t('web.preview.byline', { audience })}</span>
          </div>
        </div>
        {text ? (
          <div className="pv-text">
            <RichText text={cut ?? text} />
            {cut !== null ? (
              <button type="button" className="link-button pv-handle" onClick={() => setExpanded(true)}>
                {t('web.preview.seeMore')}
              </button>
            ) : null}
          </div>
        ) : null}
        {documentSlot ? (
          <DocumentCard title={typeof settings.documentTitle === 'string' ? settings.documentTitle : ''} pages={pagesOf(uploads[documentSlot.key])} />
        ) : link ? (
          <div className="pv-link-card" data-testid="linkedin-link-card" style={{ border: '1px solid var(--border)', borderRadius: 8, overflow: 'hidden', marginTop: '0.5rem' }}>
            {thumbnail ? <img src={thumbnail.media?.url ?? thumbnail.previewUrl ?? undefined} alt="" style={{ width: '100%', display: 'block' }} /> : null}
            <div style={{ padding: '0.5rem 0.75rem' }}>
              <div>
                <strong>{typeof settings.linkTitle === 'string' ? settings.linkTitle : link}</strong>
              </div>
              <span className="pv-handle">{hostOf(link)}</span>
            </div>
          </div>
        ) : (
          <MediaGrid slots={content.media} uploads={uploads} />
        )}
        <div className="pv-handle" style={{ display: 'flex', justifyContent: 'space-around', borderTop: '1px solid var(--border)', marginTop: '0.5rem', paddingTop: '0.35rem' }}>
          <span>{t('web.preview.like')}</span>
          <span>{t('web.preview.comment')}</span>
          <span>{t('web.preview.repost')}</span>
          <span>{t('web.preview.send')}</span>
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
            <RichText text={visibleText(content.firstComment)} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
