import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Avatar } from '../../components/avatar.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
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
import './post.css';
import { ReviewPanel } from '../approvals/review-panel.tsx';
import { EvergreenPanel } from './post-evergreen.tsx';

function ContentSummary({ post }: { post: Post }) {
  const { text, media, threadParts, firstComment } = post.content;
  const images = media.length;
  const extras = [
    images ? `${images} attachment${images === 1 ? '' : 's'}` : null,
    threadParts.length ? `a thread of ${threadParts.length + 1} parts` : null,
    firstComment ? 'a first comment' : null,
  ].filter(Boolean);
  return (
    <>
      {text ? <p className="post-text">{text}</p> : <p className="muted">No text.</p>}
      {extras.length ? <p className="muted small post-extras">With {extras.join(', ')}.</p> : null}
    </>
  );
}

function PostTime({ post }: { post: Post }) {
  if (!post.publishAt) return <p className="post-when muted">Not scheduled: this is a draft.</p>;
  const mine = userTimeZone();
  const past = new Date(post.publishAt).getTime() < Date.now();
  return (
    <p className="post-when">
      {past ? 'Due' : 'Goes out'} <time dateTime={post.publishAt}>{formatInZone(post.publishAt, mine)}</time>{' '}
      <span className="muted">({relativeTime(post.publishAt)})</span>
      {post.timeZone && post.timeZone !== mine ? (
        <span className="muted small post-zone">
          Scheduled in {post.timeZone.replace(/_/g, ' ')}: {formatInZone(post.publishAt, post.timeZone)}
        </span>
      ) : null}
    </p>
  );
}

function DeliveryCard({ post, delivery, channels, canAct }: { post: Post; delivery: Delivery; channels: Channel[] | undefined; canAct: boolean }) {
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
            <span className="badge state-badge state-late" title="The person who connected this channel paused processing of their data: nothing is sent until they resume">
              Paused
            </span>
          ) : null}
          {delivery.late ? (
            <span className="badge state-badge state-late" title="Herald started this more than a minute after it was due (it was down or busy)">
              Late
            </span>
          ) : null}
          <StateBadge state={delivery.state} />
        </div>
      </div>

      {delivery.state === 'published' ? (
        <p className="delivery-line">
          {delivery.publishedAt ? (
            <>
              Published <time dateTime={delivery.publishedAt}>{formatInZone(delivery.publishedAt)}</time>
              {delivery.publishedBy ? ' (marked by hand)' : ''}.{' '}
            </>
          ) : null}
          {postLink ? (
            <a href={postLink} target="_blank" rel="noopener noreferrer" className="delivery-link">
              View on {who.network}
            </a>
          ) : null}
        </p>
      ) : null}
      {delivery.state === 'published' && delivery.metrics ? <DeliveryCounters metrics={delivery.metrics} network={who.network} /> : null}
      {delivery.state === 'queued' && delivery.nextAttemptAt && delivery.attemptCount > 0 ? (
        <p className="delivery-line muted">
          Trying again <time dateTime={delivery.nextAttemptAt}>{relativeTime(delivery.nextAttemptAt)}</time>.
        </p>
      ) : null}
      {delivery.state === 'publishing' || delivery.state === 'processing' ? (
        <p className="delivery-line muted">{delivery.state === 'processing' ? `${who.network} is processing the media; Herald checks back.` : `Sending to ${who.network}…`}</p>
      ) : null}

      {delivery.errorMessage && delivery.state !== 'published' ? (
        <div className={delivery.state === 'unconfirmed' ? 'delivery-problem is-unconfirmed' : delivery.state === 'failed' ? 'delivery-problem' : 'delivery-problem is-soft'} data-testid="delivery-error">
          <strong>{delivery.state === 'unconfirmed' ? 'Not sure it went out. ' : delivery.state === 'failed' ? 'Not published. ' : 'Last try failed. '}</strong>
          {delivery.errorMessage}
        </div>
      ) : null}

      {canAct ? <DeliveryActions workspaceId={workspace.id} postId={post.id} delivery={delivery} channelName={who.name} /> : null}
      <DeliveryLog workspaceId={workspace.id} postId={post.id} delivery={delivery} />
    </li>
  );
}

const counterLabels: [keyof Omit<DeliveryMetrics, 'extra' | 'fetchedAt'>, string][] = [
  ['views', 'Views'],
  ['likes', 'Likes'],
  ['comments', 'Comments'],
  ['shares', 'Shares'],
  ['reach', 'Reach'],
];

/** A network's own counter as words: `outboundClicks` → "Outbound clicks". */
const counterName = (key: string) => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
};

/** The network's counters; those it does not report (Mastodon has no views) are left out, not shown as 0. */
function DeliveryCounters({ metrics, network }: { metrics: DeliveryMetrics; network: string }) {
  const shown = counterLabels.filter(([key]) => metrics[key] !== null);
  const extra = Object.entries(metrics.extra);
  return (
    <div className="delivery-counters" data-testid="delivery-counters">
      <dl aria-label={`How it performed on ${network}`}>
        {shown.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{metrics[key]!.toLocaleString()}</dd>
          </div>
        ))}
        {extra.map(([key, value]) => (
          <div key={key}>
            <dt>{counterName(key)}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        As read from {network} <time dateTime={metrics.fetchedAt}>{relativeTime(metrics.fetchedAt)}</time>.
      </p>
    </div>
  );
}

/** Reads out, once, each change the engine makes while the page is open ("Mastodon: published"). */
function useStateAnnouncement(post: Post | undefined, channels: Channel[] | undefined) {
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!post) return;
    const now = new Map(post.deliveries.map((d) => [d.id, d.state]));
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const changed = post.deliveries.filter((d) => before.has(d.id) && before.get(d.id) !== d.state);
    if (changed.length) setMessage(changed.map((d) => `${channelFacts(d, channels).name}: ${deliveryStateLabel(d.state).toLowerCase()}`).join('. '));
  }, [post, channels]);
  return message;
}

/** What the toast says after a copy; what could not be copied is named, never silently dropped. */
function duplicatedMessage(left: { media: number; channels: number }): string {
  const missing = [
    left.media ? `${left.media} file${left.media === 1 ? ' was' : 's were'} deleted after publishing` : null,
    left.channels ? `${left.channels} channel${left.channels === 1 ? ' is' : 's are'} no longer connected` : null,
  ].filter(Boolean);
  return missing.length ? `Copied into a new draft, without what is gone: ${missing.join(' and ')}.` : 'Copied into a new draft.';
}

export function PostPage() {
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
  const announcement = useStateAnnouncement(post.data, channels);
  const calendar = `/w/${workspace.id}/calendar`;

  if (post.isPending) return <Loading label="Loading the post…" />;
  if (post.error || !post.data) {
    return (
      <section className="card">
        <EmptyState
          title={isApiError(post.error) && post.error.status === 404 ? 'Post not found' : 'The post could not be loaded'}
          action={
            <Link to={calendar} className="btn">
              Back to the calendar
            </Link>
          }
        >
          {isApiError(post.error) && post.error.status === 404 ? 'It was deleted, or it belongs to another workspace.' : post.error?.message}
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
      <nav aria-label="Breadcrumb" className="crumbs small">
        <Link to={calendar}>Calendar</Link> <span aria-hidden="true">/</span> <span aria-current="page">Post</span>
      </nav>
      <header className="page-header">
        <div className="page-header-text">
          <div className="post-title-row">
            <h1>Post</h1>
            <StateBadge state={shownState} kind="post" />
          </div>
          <PostTime post={p} />
        </div>
        {editable || cancellable || canEdit ? (
          <div className="page-header-actions post-actions">
            {editable ? (
              <Link to={`/w/${workspace.id}/posts/${p.id}/edit`} className="btn btn-primary">
                Edit
              </Link>
            ) : null}
            {cancellable ? (
              <button type="button" className="btn" onClick={() => setDialog('cancel')}>
                Cancel post…
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
                      toast(duplicatedMessage(left));
                      void navigate(`/w/${workspace.id}/posts/${post.id}/edit`);
                    },
                  })
                }
              >
                {duplicate.isPending ? 'Duplicating…' : 'Duplicate'}
              </button>
            ) : null}
            {canEdit ? (
              <button type="button" className="btn btn-danger-outline" onClick={() => setDialog('delete')} disabled={busy} title={busy ? 'Possible once publishing has finished' : undefined}>
                Delete…
              </button>
            ) : null}
          </div>
        ) : null}
      </header>

      <FormError message={duplicateErrors.general} />
      <section className="card" aria-labelledby="post-content-heading">
        <h2 id="post-content-heading" className="visually-hidden">
          Content
        </h2>
        <ContentSummary post={p} />
      </section>
      <ReviewPanel post={p} />

      <section aria-labelledby="deliveries-heading" className="deliveries-section">
        <h2 id="deliveries-heading">
          Channels <span className="count">{p.deliveries.length}</span>
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

      <Dialog open={dialog === 'cancel'} title="Cancel this post?" onClose={closeDialog} testId="cancel-dialog">
        <p>Herald stops every part of this post that has not gone out yet. What is already published stays published.</p>
        <FormError message={cancelErrors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={closeDialog} autoFocus>
            Keep it
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={cancel.isPending}
            onClick={() =>
              cancel.mutate(p.id, {
                onSuccess: () => {
                  toast('Post cancelled.');
                  setDialog(null);
                },
              })
            }
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel post'}
          </button>
        </div>
      </Dialog>

      <Dialog open={dialog === 'delete'} title="Delete this post?" onClose={closeDialog} testId="delete-dialog">
        <p>
          The post and its delivery log are deleted from Herald.
          {p.deliveries.some((d) => d.state === 'published') ? ' What was already published stays on the networks: delete it there if you want it gone.' : ''}
        </p>
        <FormError message={deleteErrors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={closeDialog} autoFocus>
            Keep it
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(p.id, {
                onSuccess: () => {
                  toast('Post deleted.');
                  void navigate(calendar, { replace: true });
                },
              })
            }
          >
            {remove.isPending ? 'Deleting…' : 'Delete post'}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
