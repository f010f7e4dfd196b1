// The link card of a post: when the text has a link, Herald reads the page's card (title,
// description, picture) and the user edits it before it goes out; per channel, campaign (UTM)
// tags added to the links when that channel's post is published.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstLinkIn, LINK_CARD_LIMITS, UTM_VALUE_MAX, withUtm, type LinkCard, type Utm } from '../../../shared/link-cards.ts';
import { api, isApiError } from '../../api/client.ts';
import { NetworkMark } from '../../components/network-mark.tsx';
import { networkLabel } from '../../components/networks.ts';
import type { Channel } from '../channels/channels.api.ts';
import type { Draft } from './composer-model.ts';
import './composer-link-card.css';

type Edit = (change: (d: Draft) => Draft) => void;
type Preview = { url: string; title: string; description: string; imageUrl: string | null; siteName: string };

/** The card's picture as Herald fetches it for the browser (the page's own server is never asked by the browser). */
const shownImage = (workspaceId: string, imageUrl: string) => `/api/v1/workspaces/${workspaceId}/link-preview/image?url=${encodeURIComponent(imageUrl)}`;

/** Typing pauses this long before the page is asked for its card. */
const DEBOUNCE_MS = 600;

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/**
 * Keeps the draft's card on the text's first link: a new link is read (after a pause in typing),
 * a card for a link no longer in the text goes, and a card the user removed stays removed.
 */
function useLinkCardFetch(workspaceId: string, draft: Draft, edit: Edit) {
  const { t } = useTranslation('posts');
  const link = firstLinkIn(draft.text);
  const [state, setState] = useState<{ link: string; status: 'loading' | 'failed'; message?: string } | null>(null);
  const wanted = link && draft.linkCard?.url !== link && draft.linkCardOff !== link ? link : null;

  useEffect(() => {
    if (!link && draft.linkCard) edit((d) => ({ ...d, linkCard: null }));
  }, [link, draft.linkCard, edit]);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      setState({ link: wanted, status: 'loading' });
      api
        .post<Preview>(`/api/v1/workspaces/${workspaceId}/link-preview`, { url: wanted })
        .then((card) => {
          if (!current) return;
          setState(null);
          edit((d) => (firstLinkIn(d.text) === wanted ? { ...d, linkCard: { url: wanted, title: card.title, description: card.description, imageUrl: card.imageUrl } } : d));
        })
        .catch((error: unknown) => {
          if (current) setState({ link: wanted, status: 'failed', message: isApiError(error) ? error.message : t('linkCard.unreadable') });
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted, workspaceId, edit, t]);

  return { link, reading: state && state.link === wanted ? state : null };
}

/** The card under the text: read from the page, every field editable, removable. */
export function LinkCardEditor({ workspaceId, draft, edit }: { workspaceId: string; draft: Draft; edit: Edit }) {
  const { t } = useTranslation('posts');
  const id = useId();
  const { link, reading } = useLinkCardFetch(workspaceId, draft, edit);
  const card = draft.linkCard;
  const change = (patch: Partial<LinkCard>) => edit((d) => (d.linkCard ? { ...d, linkCard: { ...d.linkCard, ...patch } } : d));
  const [brokenImage, setBrokenImage] = useState<string | null>(null);

  if (!link) return null;
  if (!card) {
    if (draft.linkCardOff === link) {
      return (
        <div className="lc-note small muted" data-testid="link-card-off">
          {t('linkCard.off')}{' '}
          <button type="button" className="btn-text" onClick={() => edit((d) => ({ ...d, linkCardOff: null }))}>
            {t('linkCard.showAgain')}
          </button>
        </div>
      );
    }
    if (reading?.status === 'failed') {
      return (
        <div className="lc-note small" role="status" data-testid="link-card-failed">
          <span className="muted">{t('linkCard.failed', { reason: reading.message })}</span>{' '}
          <button type="button" className="btn-text" onClick={() => edit((d) => ({ ...d, linkCard: { url: link, title: '', description: '', imageUrl: null } }))}>
            {t('linkCard.writeOne')}
          </button>
        </div>
      );
    }
    return (
      <div className="lc-note small muted" role="status" data-testid="link-card-loading">
        {t('linkCard.reading', { host: hostOf(link) })}
      </div>
    );
  }
  const imageShown = card.imageUrl && brokenImage !== card.imageUrl;
  return (
    <section className="lc-editor" aria-labelledby={`${id}-title`} data-testid="link-card-editor">
      <div className="lc-editor-head">
        <h3 id={`${id}-title`}>{t('linkCard.title')}</h3>
        <span className="lc-host small muted">{hostOf(card.url)}</span>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => edit((d) => ({ ...d, linkCard: null, linkCardOff: card.url }))}
          aria-label={t('linkCard.removeLabel')}
        >
          {t('linkCard.remove')}
        </button>
      </div>
      <div className="lc-editor-body">
        <div className="lc-thumb" aria-hidden={!imageShown}>
          {imageShown ? <img src={shownImage(workspaceId, card.imageUrl!)} alt="" onError={() => setBrokenImage(card.imageUrl)} /> : <span className="muted small">{card.imageUrl ? t('linkCard.pictureUnreadable') : t('linkCard.noPicture')}</span>}
        </div>
        <div className="lc-fields">
          <div className="field">
            <label htmlFor={`${id}-card-title`}>{t('linkCard.cardTitle')}</label>
            <input id={`${id}-card-title`} value={card.title} maxLength={LINK_CARD_LIMITS.title} onChange={(e) => change({ title: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-card-description`}>{t('linkCard.cardDescription')}</label>
            <textarea id={`${id}-card-description`} rows={2} value={card.description} maxLength={LINK_CARD_LIMITS.description} onChange={(e) => change({ description: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-card-image`}>{t('linkCard.cardImage')}</label>
            <input
              id={`${id}-card-image`}
              type="url"
              placeholder={t('linkCard.imagePlaceholder')}
              value={card.imageUrl ?? ''}
              maxLength={LINK_CARD_LIMITS.imageUrl}
              onChange={(e) => change({ imageUrl: e.target.value.trim() || null })}
            />
          </div>
        </div>
      </div>
      <p className="small muted lc-help">{t('linkCard.help')}</p>
    </section>
  );
}

/** The card as a preview shows it, under a channel's post. */
export function LinkCardPreview({ workspaceId, card, utm, network }: { workspaceId: string; card: LinkCard; utm: Utm | undefined; network: string }) {
  const url = utm ? withUtm(card.url, utm, network) : card.url;
  const [broken, setBroken] = useState<string | null>(null);
  return (
    <div className="lc-preview" data-testid={`link-card-preview-${network}`} title={url}>
      {card.imageUrl && broken !== card.imageUrl ? <img src={shownImage(workspaceId, card.imageUrl)} alt="" onError={() => setBroken(card.imageUrl)} /> : null}
      <div className="lc-preview-text">
        <span className="lc-preview-host">{hostOf(card.url)}</span>
        {card.title ? <strong>{card.title}</strong> : null}
        {card.description ? <span className="lc-preview-description">{card.description}</span> : null}
      </div>
    </div>
  );
}

/** Per channel: whether its links get campaign tags, and which. Shown while the text has a link. */
export function UtmPanel({ channels, draft, edit }: { channels: Channel[]; draft: Draft; edit: Edit }) {
  const { t } = useTranslation('posts');
  const id = useId();
  const [opened, setOpened] = useState(false);
  if (!channels.length || !firstLinkIn(draft.text)) return null;
  // Closed until asked for (or already used): most posts need no tags.
  if (!opened && !channels.some((c) => draft.utm[c.id])) {
    return (
      <section className="card lc-utm" aria-labelledby={`${id}-title`} data-testid="utm-panel">
        <div className="lc-utm-closed">
          <h2 id={`${id}-title`}>{t('utm.title')}</h2>
          <button type="button" className="btn btn-sm" onClick={() => setOpened(true)}>
            {t('utm.open')}
          </button>
        </div>
      </section>
    );
  }
  const set = (channelId: string, utm: Utm | null) =>
    edit((d) => {
      const { [channelId]: _old, ...rest } = d.utm;
      return { ...d, utm: utm ? { ...rest, [channelId]: utm } : rest };
    });
  return (
    <section className="card lc-utm" aria-labelledby={`${id}-title`} data-testid="utm-panel">
      <h2 id={`${id}-title`}>{t('utm.title')}</h2>
      <p className="small muted">{t('utm.help')}</p>
      {channels.map((channel) => {
        const utm = draft.utm[channel.id];
        const who = `${networkLabel(channel.network)}${channels.filter((c) => c.network === channel.network).length > 1 ? ` · ${channel.username}` : ''}`;
        const input = (key: keyof Utm, label: string, placeholder: string) => (
          <div className="field">
            <label htmlFor={`${id}-${channel.id}-${key}`}>{label}</label>
            <input id={`${id}-${channel.id}-${key}`} value={utm?.[key] ?? ''} placeholder={placeholder} maxLength={UTM_VALUE_MAX} onChange={(e) => set(channel.id, { ...utm, [key]: e.target.value })} />
          </div>
        );
        return (
          <div key={channel.id} className="lc-utm-row">
            <label className="checkbox lc-utm-toggle">
              {/* A switch, not a checkbox: the channel picker's checkboxes are named by network too. */}
              <input type="checkbox" role="switch" checked={!!utm} onChange={(e) => set(channel.id, e.target.checked ? {} : null)} />
              <NetworkMark network={channel.network} />
              <span>{t('utm.for', { who })}</span>
            </label>
            {utm ? (
              <div className="lc-utm-fields">
                {input('source', t('utm.source'), channel.network)}
                {input('medium', t('utm.medium'), 'social')}
                {input('campaign', t('utm.campaign'), t('utm.campaignExample'))}
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
