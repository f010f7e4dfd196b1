import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Avatar } from '../../components/avatar.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCount, relativeTime } from '../../components/format.ts';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { isApiError } from '../../api/client.ts';
import { httpLinkOrNull } from '../../../shared/web-links.ts';
import { useChannels, type Channel } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useCancelPost, useDeletePost, useDuplicatePost, usePost, type Delivery, type DeliveryMetrics, type Post } from './posts.api.ts';
import { DeliveryActions } from './post-delivery-actions.tsx';
import { DeliveryLog } from './post-delivery-log.tsx';
import { PostComments } from '../comments/post-comments.tsx';
import { channelFacts, deliveryStateLabel, formatInZone, StateBadge, userTimeZone } from './post-state.tsx';
import type { PostsT } from './post-states.ts';
import './post.css';
import { ReviewPanel } from '../approvals/review-panel.tsx';
import { EvergreenPanel } from './post-evergreen.tsx';

function ContentSummary({ post }: { post: Post }) {
  const { t } = useTranslation('posts');
  const { text, media, threadParts, firstComment } = post.content;
  const images = media.length;
  const extras = [
    images ? t('post.content.attachments', { count: images }) : null,
    threadParts.length ? t('post.content.thread', { count: threadParts.length + 1 }) : null,
    firstComment ? t('post.content.firstComment') : null,
  ].filter(Boolean);
  return (
    <>
      {text ? <p className="post-text">{text}</p> : <p className="muted">{t('post.content.noText')}</p>}
      {extras.length ? <p className="muted small post-extras">{t('post.content.with', { extras: extras.join(', ') })}</p> : null}
    </>
  );
}

function PostTime({ post }: { post: Post }) {
  const { t } = useTranslation('posts');
  if (!post.publishAt) return <p className="post-when muted">{t('post.time.notScheduled')}</p>;
  const mine = userTimeZone();
  const past = new Date(post.publishAt).getTime() < Date.now();
  return (
    <p className="post-when">
      {past ? t('post.time.due') : t('post.time.goesOut')} <time dateTime={post.publishAt}>{formatInZone(post.publishAt, mine)}</time>{' '}
      <span className="muted">({relativeTime(post.publishAt)})</span>
      {post.timeZone && post.timeZone !== mine ? (
        <span className="muted small post-zone">{t('post.time.scheduledIn', { zone: post.timeZone.replace(/_/g, ' '), when: formatInZone(post.publishAt, post.timeZone) })}</span>
      ) : null}
    </p>
  );
}

function DeliveryCard({ post, delivery, channels, canAct }: { post: Post; delivery: Delivery; channels: Channel[] | undefined; canAct: boolean }) {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const who = channelFacts(delivery, channels);
  // Rows stored before links were checked may hold anything: only an http(s) link becomes an href.
  const postLink = httpLinkOrNull(delivery.externalUrl);
  const headingId = `delivery-${delivery.id}`;
  return (
    <li className={`delivery delivery-${delivery.state}`} aria-labelledby={headingId} data-testid="delivery" data-delivery-id={delivery.id}>
      <div className="delivery-head">
        <Avatar name={who.name} src={who.avatar} />
        <div className="delivery-who">
          <h3 id={headingId} className="delivery-name">
            {who.name}
          </h3>
          <div className="row-sub">
            {who.handle ? `${who.handle} · ` : ''}
            {who.network}
          </div>
        </div>
        <div className="delivery-badges">
          {delivery.paused ? (
            <span className="badge state-badge state-late" title={t('post.delivery.pausedHint')}>
              {t('post.delivery.paused')}
            </span>
          ) : null}
          {delivery.late ? (
            <span className="badge state-badge state-late" title={t('post.delivery.lateHint')}>
              {t('post.delivery.late')}
            </span>
          ) : null}
          <StateBadge state={delivery.state} />
        </div>
      </div>

      {delivery.state === 'published' ? (
        <p className="delivery-line">
          {delivery.publishedAt ? (
            <>
              <Trans
                t={t}
                i18nKey={delivery.publishedBy ? 'post.delivery.publishedByHand' : 'post.delivery.publishedAt'}
                values={{ when: formatInZone(delivery.publishedAt) }}
                components={{ time: <time dateTime={delivery.publishedAt} /> }}
              />{' '}
            </>
          ) : null}
          {postLink ? (
            <a href={postLink} target="_blank" rel="noopener noreferrer" className="delivery-link">
              {t('post.delivery.viewOn', { network: who.network })}
            </a>
          ) : null}
        </p>
      ) : null}
      {delivery.state === 'published' && delivery.metrics ? <DeliveryCounters metrics={delivery.metrics} network={who.network} /> : null}
      {delivery.state === 'queued' && delivery.nextAttemptAt && delivery.attemptCount > 0 ? (
        <p className="delivery-line muted">
          <Trans t={t} i18nKey="post.delivery.tryingAgain" values={{ when: relativeTime(delivery.nextAttemptAt) }} components={{ time: <time dateTime={delivery.nextAttemptAt} /> }} />
        </p>
      ) : null}
      {delivery.state === 'publishing' || delivery.state === 'processing' ? (
        <p className="delivery-line muted">{delivery.state === 'processing' ? t('post.delivery.processing', { network: who.network }) : t('post.delivery.sending', { network: who.network })}</p>
      ) : null}

      {delivery.errorMessage && delivery.state !== 'published' ? (
        <div className={delivery.state === 'unconfirmed' ? 'delivery-problem is-unconfirmed' : delivery.state === 'failed' ? 'delivery-problem' : 'delivery-problem is-soft'} data-testid="delivery-error">
          <strong>{delivery.state === 'unconfirmed' ? t('post.delivery.notSure') : delivery.state === 'failed' ? t('post.delivery.notPublished') : t('post.delivery.lastTryFailed')} </strong>
          {delivery.errorMessage}
        </div>
      ) : null}

      {canAct ? <DeliveryActions workspaceId={workspace.id} postId={post.id} delivery={delivery} channelName={who.name} /> : null}
      <DeliveryLog workspaceId={workspace.id} postId={post.id} delivery={delivery} />
    </li>
  );
}

const counterKeys: (keyof Omit<DeliveryMetrics, 'extra' | 'fetchedAt'>)[] = ['views', 'likes', 'comments', 'shares', 'reach'];

/** A network's own counter as words: `outboundClicks` → "Outbound clicks". */
const counterName = (key: string) => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
};

/** The network's counters; those it does not report (Mastodon has no views) are left out, not shown as 0. */
function DeliveryCounters({ metrics, network }: { metrics: DeliveryMetrics; network: string }) {
  const { t } = useTranslation('posts');
  const shown = counterKeys.filter((key) => metrics[key] !== null);
  const extra = Object.entries(metrics.extra);
  return (
    <div className="delivery-counters" data-testid="delivery-counters">
      <dl aria-label={t('post.counters.label', { network })}>
        {shown.map((key) => (
          <div key={key}>
            <dt>{t(`post.counters.${key}`)}</dt>
            <dd>{formatCount(metrics[key]!)}</dd>
          </div>
        ))}
        {extra.map(([key, value]) => (
          <div key={key}>
            <dt>{counterName(key)}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        <Trans t={t} i18nKey="post.counters.readFrom" values={{ network, when: relativeTime(metrics.fetchedAt) }} components={{ time: <time dateTime={metrics.fetchedAt} /> }} />
      </p>
    </div>
  );
}

/** Reads out, once, each change the engine makes while the page is open ("Mastodon: published"). */
function useStateAnnouncement(t: PostsT, post: Post | undefined, channels: Channel[] | undefined) {
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!post) return;
    const now = new Map(post.deliveries.map((d) => [d.id, d.state]));
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const changed = post.deliveries.filter((d) => before.has(d.id) && before.get(d.id) !== d.state);
    if (changed.length) setMessage(changed.map((d) => t('post.announcement', { channel: channelFacts(d, channels).name, state: deliveryStateLabel(t, d.state).toLowerCase() })).join('. '));
  }, [post, channels, t]);
  return message;
}

/** What the toast says after a copy; what could not be copied is named, never silently dropped. */
function duplicatedMessage(t: PostsT, left: { media: number; channels: number }): string {
  const missing = [left.media ? t('post.duplicated.files', { count: left.media }) : null, left.channels ? t('post.duplicated.channels', { count: left.channels }) : null].filter(Boolean);
  return missing.length ? t('post.duplicated.without', { missing: missing.join(t('post.duplicated.and')) }) : t('post.duplicated.done');
}

export function PostPage() {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const { postId } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const post = usePost(workspace.id, postId, { refetchWhileBusy: true });
  const channels = useChannels(workspace.id).data?.items;
  const cancel = useCancelPost(workspace.id);
  const duplicate = useDuplicatePost(workspace.id);
  const duplicateErrors = formErrors(duplicate.error, []);
  const remove = useDeletePost(workspace.id);
  const [dialog, setDialog] = useState<'cancel' | 'delete' | null>(null);
  const announcement = useStateAnnouncement(t, post.data, channels);
  const calendar = `/w/${workspace.id}/calendar`;

  if (post.isPending) return <Loading label={t('post.loading')} />;
  if (post.error || !post.data) {
    return (
      <section className="card">
        <EmptyState
          title={isApiError(post.error) && post.error.status === 404 ? t('post.notFound.title') : t('post.loadFailed')}
          action={
            <Link to={calendar} className="btn">
              {t('post.backToCalendar')}
            </Link>
          }
        >
          {isApiError(post.error) && post.error.status === 404 ? t('post.notFound.body') : post.error?.message}
        </EmptyState>
      </section>
    );
  }

  const p = post.data;
  const canSchedule = hasPermission(workspace, 'posts.schedule');
  const canEdit = hasPermission(workspace, 'posts.edit');
  const busy = p.deliveries.some((d) => d.state === 'publishing' || d.state === 'processing');
  // The server calls a post "publishing" while a delivery is unconfirmed; no spinner when only a person can move it on.
  const shownState = p.state === 'publishing' && !busy && !p.deliveries.some((d) => d.state === 'queued') && p.deliveries.some((d) => d.state === 'unconfirmed') ? 'unconfirmed' : p.state;
  const cancellable = canSchedule && p.deliveries.some((d) => d.actions.includes('cancel'));
  const editable = canEdit && (p.state === 'draft' || p.state === 'scheduled') && !busy;
  const cancelErrors = formErrors(cancel.error, []);
  const deleteErrors = formErrors(remove.error, []);
  const closeDialog = () => {
    cancel.reset();
    remove.reset();
    setDialog(null);
  };

  return (
    <div className="page post-page">
      <nav aria-label={t('post.breadcrumb')} className="crumbs small">
        <Link to={calendar}>{t('calendar.title')}</Link> <span aria-hidden="true">/</span> <span aria-current="page">{t('post.title')}</span>
      </nav>
      <header className="page-header">
        <div className="page-header-text">
          <div className="post-title-row">
            <h1>{t('post.title')}</h1>
            <StateBadge state={shownState} kind="post" />
          </div>
          <PostTime post={p} />
        </div>
        {editable || cancellable || canEdit ? (
          <div className="page-header-actions post-actions">
            {editable ? (
              <Link to={`/w/${workspace.id}/posts/${p.id}/edit`} className="btn btn-primary">
                {t('post.actions.edit')}
              </Link>
            ) : null}
            {cancellable ? (
              <button type="button" className="btn" onClick={() => setDialog('cancel')}>
                {t('post.actions.cancelPost')}
              </button>
            ) : null}
            {canEdit ? (
              <button
                type="button"
                className="btn"
                disabled={duplicate.isPending}
                onClick={() =>
                  duplicate.mutate(p.id, {
                    onSuccess: ({ post, left }) => {
                      toast(duplicatedMessage(t, left));
                      void navigate(`/w/${workspace.id}/posts/${post.id}/edit`);
                    },
                  })
                }
              >
                {duplicate.isPending ? t('post.actions.duplicating') : t('post.actions.duplicate')}
              </button>
            ) : null}
            {canEdit ? (
              <button type="button" className="btn btn-danger-outline" onClick={() => setDialog('delete')} disabled={busy} title={busy ? t('post.actions.deleteWhenDone') : undefined}>
                {t('post.actions.delete')}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>

      <FormError message={duplicateErrors.general} />
      <section className="card" aria-labelledby="post-content-heading">
        <h2 id="post-content-heading" className="visually-hidden">
          {t('post.content.heading')}
        </h2>
        <ContentSummary post={p} />
      </section>
      <ReviewPanel post={p} />

      <section aria-labelledby="deliveries-heading" className="deliveries-section">
        <h2 id="deliveries-heading">
          {t('post.channels')} <span className="count">{p.deliveries.length}</span>
        </h2>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <ul className="deliveries">
          {p.deliveries.map((d) => (
            <DeliveryCard key={d.id} post={p} delivery={d} channels={channels} canAct={canSchedule} />
          ))}
        </ul>
      </section>

      <EvergreenPanel postId={p.id} />
      <PostComments postId={p.id} />

      <Dialog open={dialog === 'cancel'} title={t('post.cancel.title')} onClose={closeDialog} testId="cancel-dialog">
        <p>{t('post.cancel.body')}</p>
        <FormError message={cancelErrors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={closeDialog} autoFocus>
            {t('post.keepIt')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={cancel.isPending}
            onClick={() =>
              cancel.mutate(p.id, {
                onSuccess: () => {
                  toast(t('post.cancel.done'));
                  setDialog(null);
                },
              })
            }
          >
            {cancel.isPending ? t('post.cancel.pending') : t('post.cancel.confirm')}
          </button>
        </div>
      </Dialog>

      <Dialog open={dialog === 'delete'} title={t('post.delete.title')} onClose={closeDialog} testId="delete-dialog">
        <p>
          {t('post.delete.body')}
          {p.deliveries.some((d) => d.state === 'published') ? t('post.delete.publishedStays') : ''}
        </p>
        <FormError message={deleteErrors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={closeDialog} autoFocus>
            {t('post.keepIt')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(p.id, {
                onSuccess: () => {
                  toast(t('post.delete.done'));
                  void navigate(calendar, { replace: true });
                },
              })
            }
          >
            {remove.isPending ? t('post.delete.pending') : t('post.delete.confirm')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
