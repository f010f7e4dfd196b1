import { useEffect, useId, useState, type DragEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Dialog } from '../../components/dialog.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useChannels } from '../channels/channels.api.ts';
import { StateBadge } from '../posts/post-state.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useChannelQueue, useQueueChange, type QueuedPost } from './queue.api.ts';
import { moveBy, moveTo, queueDays } from './queue.model.ts';
import { ArrowIcon, GripIcon, PinIcon, ShuffleIcon } from './queue-icons.tsx';
import './queue.css';

/**
 * A channel's queue across months: every upcoming post by day in the workspace's zone, with the
 * free posting times between them. Reordering keeps the times and swaps the posts into them;
 * posts sent to several channels keep their time (one time for all their channels) and are pinned.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation('queue');
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const channels = useChannels(workspace.id).data?.items.filter((c) => c.status !== 'disconnected');
  const channelId = params.get('channel') ?? channels?.[0]?.id;
  const channel = channels?.find((c) => c.id === channelId);
  const queue = useChannelQueue(workspace.id, channel?.id);
  const change = useQueueChange(workspace.id, channel?.id ?? '');
  const toast = useToast();
  const canSchedule = hasPermission(workspace, 'posts.schedule');
  const [confirmShuffle, setConfirmShuffle] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const pickerId = useId();
  const base = `/w/${workspace.id}`;

  const order = (queue.data?.posts ?? []).filter((p) => p.movable).map((p) => p.postId);
  const days = queue.data ? queueDays(t, i18n.language, queue.data) : [];
  const zoneTime = (at: Date) => at.toLocaleTimeString(i18n.language, { timeZone: queue.data?.timeZone, hour: 'numeric', minute: '2-digit' });

  const { reset } = change;
  useEffect(() => reset(), [reset, channel?.id]);

  const save = (postIds: string[], message: string) => {
    if (postIds.join() === order.join()) return;
    change.mutate({ postIds }, { onSuccess: () => toast(message) });
  };
  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    const moved = event.dataTransfer.getData('text/plain') || dragging;
    setDragging(null);
    setOver(null);
    if (moved) save(moveTo(order, moved, targetId), t('toast.reordered'));
  };

  return (
    <div className="page queue-page">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          canSchedule && order.length > 1 ? (
            <button type="button" className="btn" onClick={() => setConfirmShuffle(true)} disabled={change.isPending}>
              <ShuffleIcon /> {t('shuffle.button')}
            </button>
          ) : null
        }
      />
      {channels && !channels.length ? (
        <section className="card">
          <EmptyState
            title={t('noChannel.title')}
            action={
              <Link to={`${base}/channels`} className="btn btn-primary">
                {t('noChannel.connect')}
              </Link>
            }
          >
            {t('noChannel.body')}
          </EmptyState>
        </section>
      ) : null}
      {channels?.length ? (
        <div className="queue-toolbar">
          <label htmlFor={pickerId}>{t('channel')}</label>
          <select id={pickerId} value={channel?.id ?? ''} onChange={(e) => setParams({ channel: e.target.value }, { replace: true })} data-testid="queue-channel">
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName ?? c.username ?? c.network}
                {c.username ? ` · @${c.username.split('@')[0]}` : ''}
              </option>
            ))}
          </select>
          {queue.data ? (
            <span className="small muted queue-zone">
              <Trans t={t} i18nKey="timesIn" values={{ zone: queue.data.timeZone }} components={{ times: <Link to={`${base}/settings#posting-times`} /> }} />
            </span>
          ) : null}
        </div>
      ) : null}
      {queue.isPending && channel ? <Loading label={t('reading')} /> : null}
      <FormError message={formErrors(queue.error ?? change.error, []).general} />
      {queue.data && !queue.data.hasPostingTimes ? (
        <Notice title={t('noTimes.title')}>
          <Trans t={t} i18nKey="noTimes.body" components={{ times: <Link to={`${base}/settings#posting-times`} /> }} />
        </Notice>
      ) : null}
      {queue.data && !queue.data.posts.length ? (
        <section className="card">
          <EmptyState
            title={t('empty.title')}
            action={
              canSchedule ? (
                <Link to={`${base}/compose`} className="btn btn-primary">
                  {t('empty.newPost')}
                </Link>
              ) : null
            }
          >
            {t('empty.body')}
          </EmptyState>
        </section>
      ) : null}
      {days.length ? (
        <ol className="queue-days" aria-label={t('queueOf', { channel: channel?.displayName ?? channel?.username ?? t('theChannel') })} aria-busy={change.isPending}>
          {days.map((day) => (
            <li key={day.key} className="queue-day">
              <h2 className="queue-day-title">{day.label}</h2>
              <ul className="queue-entries">
                {day.entries.map((entry) =>
                  entry.kind === 'free' ? (
                    <li key={`free-${entry.at.getTime()}`} className="queue-entry queue-free" data-testid="queue-free-slot">
                      <time className="queue-time" dateTime={entry.at.toISOString()}>
                        {zoneTime(entry.at)}
                      </time>
                      <span className="queue-free-label">{t('freeSlot')}</span>
                    </li>
                  ) : (
                    <QueueRow
                      key={entry.post.postId}
                      post={entry.post}
                      time={zoneTime(entry.at)}
                      workspaceId={workspace.id}
                      canMove={canSchedule && entry.post.movable && !change.isPending}
                      first={order[0] === entry.post.postId}
                      last={order.at(-1) === entry.post.postId}
                      dragging={dragging === entry.post.postId}
                      over={over === entry.post.postId && dragging !== entry.post.postId}
                      onMove={(step) => save(moveBy(order, entry.post.postId, step), step < 0 ? t('toast.movedUp') : t('toast.movedDown'))}
                      onDragStart={(event) => {
                        event.dataTransfer.setData('text/plain', entry.post.postId);
                        event.dataTransfer.effectAllowed = 'move';
                        setDragging(entry.post.postId);
                      }}
                      onDragEnd={() => {
                        setDragging(null);
                        setOver(null);
                      }}
                      onDragOver={(event) => {
                        if (!dragging || !entry.post.movable) return;
                        event.preventDefault();
                        setOver(entry.post.postId);
                      }}
                      onDrop={(event) => onDrop(event, entry.post.postId)}
                    />
                  ),
                )}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
      <Dialog open={confirmShuffle} title={t('shuffle.title')} onClose={() => setConfirmShuffle(false)} testId="shuffle-dialog">
        <p>{t('shuffle.body', { count: order.length })}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirmShuffle(false)}>
            {t('shuffle.keep')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setConfirmShuffle(false);
              change.mutate('shuffle', { onSuccess: () => toast(t('toast.shuffled')) });
            }}
          >
            {t('shuffle.button')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

type RowProps = {
  post: QueuedPost;
  time: string;
  workspaceId: string;
  canMove: boolean;
  first: boolean;
  last: boolean;
  dragging: boolean;
  over: boolean;
  onMove: (step: -1 | 1) => void;
  onDragStart: (event: DragEvent) => void;
  onDragEnd: () => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
};

function QueueRow({ post, time, workspaceId, canMove, first, last, dragging, over, onMove, onDragStart, onDragEnd, onDragOver, onDrop }: RowProps) {
  const { t } = useTranslation('queue');
  const title = post.text || (post.mediaCount ? t('row.mediaOnly', { count: post.mediaCount }) : t('row.noText'));
  const classes = ['queue-entry', 'queue-post', canMove ? 'queue-movable' : '', dragging ? 'queue-dragging' : '', over ? 'queue-over' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid="queue-post" data-post-id={post.postId} draggable={canMove} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragOver={onDragOver} onDrop={onDrop}>
      <time className="queue-time" dateTime={String(post.at)}>
        {time}
      </time>
      {canMove ? <GripIcon /> : null}
      <Thumb workspaceId={workspaceId} post={post} />
      <div className="queue-main">
        <Link to={`/w/${workspaceId}/posts/${post.postId}`} className="queue-text">
          {title}
        </Link>
        <div className="queue-meta">
          <StateBadge state={post.state} />
          {post.pinned ? (
            <span className="queue-pin" title={t('row.pinnedHint')}>
              <PinIcon /> {t('row.pinned', { count: post.channelCount })}
            </span>
          ) : null}
        </div>
      </div>
      {canMove ? (
        <div className="queue-moves">
          <button type="button" className="btn btn-sm btn-icon" onClick={() => onMove(-1)} disabled={first} aria-label={t('row.moveUpLabel', { title })} title={t('row.moveUp')}>
            <ArrowIcon up />
          </button>
          <button type="button" className="btn btn-sm btn-icon" onClick={() => onMove(1)} disabled={last} aria-label={t('row.moveDownLabel', { title })} title={t('row.moveDown')}>
            <ArrowIcon />
          </button>
        </div>
      ) : null}
    </li>
  );
}

function Thumb({ workspaceId, post }: { workspaceId: string; post: QueuedPost }) {
  const { t } = useTranslation('queue');
  if (!post.media) return null;
  if (post.media.kind === 'image') return <img className="queue-thumb" src={`/api/v1/workspaces/${workspaceId}/media/${post.media.mediaId}/file`} alt="" loading="lazy" />;
  return (
    <span className="queue-thumb queue-thumb-empty queue-thumb-label" aria-hidden="true">
      {post.media.kind === 'video' ? t('row.video') : t('row.file')}
    </span>
  );
}
