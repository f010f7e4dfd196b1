import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import type { Post } from '../posts/posts.api.ts';
import { formatInZone, userTimeZone } from '../posts/post-state.tsx';
import { useReviewDecision, useReviews, type Review } from './approvals.api.ts';
import { ShareForReviewButton } from './share-dialog.tsx';
import './approvals.css';

const decisions = new Set(['submitted', 'approved', 'changes_requested', 'reopened']);

export function ReviewHistory({ items }: { items: Pick<Review, 'decision' | 'comment' | 'actorName' | 'createdAt'>[] }) {
  const { t } = useTranslation('approvals');
  if (!items.length) return <p className="muted small">{t('history.empty')}</p>;
  return (
    <ol className="ap-history" data-testid="review-history">
      {items.map((r, i) => (
        <li key={i} className={`ap-step ap-step-${r.decision}`}>
          <span>
            <Trans
              t={t}
              i18nKey={decisions.has(r.decision) ? `history.${r.decision}` : 'history.other'}
              values={{ name: r.actorName, decision: r.decision }}
              components={{ strong: <strong /> }}
            />{' '}
            <time className="muted small" dateTime={r.createdAt} title={formatInZone(r.createdAt, userTimeZone())}>
              {relativeTime(r.createdAt)}
            </time>
          </span>
          {r.comment ? <blockquote className="ap-comment">{r.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}

/** On the post page: where the post stands in its approval, its history, and the approvers' buttons. */
export function ReviewPanel({ post }: { post: Post }) {
  const { t } = useTranslation('approvals');
  const workspace = useWorkspace();
  const toast = useToast();
  const reviews = useReviews(workspace.id, post.id);
  const decide = useReviewDecision(workspace.id, post.id);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [newTime, setNewTime] = useState('');
  const canApprove = hasPermission(workspace, 'posts.approve');
  const items = reviews.data?.items ?? [];
  const inReview = post.state === 'in_review';
  const timePassed = inReview && (post.review?.overdue ?? false);
  if (!items.length && !['in_review', 'changes_requested'].includes(post.state) && !post.review?.approvedAt) {
    return canApprove && post.state !== 'published' ? (
      <div className="ap-share-row">
        <ShareForReviewButton postIds={[post.id]} />
      </div>
    ) : null;
  }
  const errors = formErrors(decide.error, ['comment', 'publishAt']);
  const approve = () =>
    decide.mutate(
      { decision: 'approve', ...(timePassed && newTime ? { publishAt: new Date(newTime).toISOString(), timeZone: userTimeZone() } : {}) },
      { onSuccess: () => toast(t('panel.approvedToast')) },
    );
  return (
    <section className="card ap-panel" aria-labelledby="review-heading" data-testid="review-panel">
      <div className="card-head ap-panel-head">
        <h2 id="review-heading">{t('panel.title')}</h2>
        {canApprove ? <ShareForReviewButton postIds={[post.id]} /> : null}
      </div>
      {inReview ? (
        <p className={timePassed ? 'notice notice-warn' : 'muted'} data-testid="review-status">
          {timePassed ? t('panel.overdue') : t('panel.waiting')}
        </p>
      ) : post.state === 'changes_requested' ? (
        <p className="muted" data-testid="review-status">
          {t('panel.changesRequested')}
        </p>
      ) : post.review?.approvedAt ? (
        <p className="muted" data-testid="review-status">
          <Trans
            t={t}
            i18nKey="panel.approvedBy"
            values={{ name: post.review.approvedByName, when: relativeTime(post.review.approvedAt) }}
            components={{ strong: <strong /> }}
          />
        </p>
      ) : null}
      <ReviewHistory items={items} />
      {inReview && canApprove ? (
        <div className="ap-actions">
          {timePassed ? (
            <label className="field">
              <span className="field-label">{t('panel.newTime')}</span>
              <input type="datetime-local" value={newTime} onChange={(e) => setNewTime(e.target.value)} data-testid="review-new-time" />
            </label>
          ) : null}
          <FormError message={errors.general ?? errors.field('publishAt')} />
          <div className="ap-buttons">
            <button type="button" className="btn btn-primary" disabled={decide.isPending || (timePassed && !newTime)} onClick={approve} data-testid="review-approve">
              {t('panel.approve')}
            </button>
            <button type="button" className="btn" onClick={() => setAsking(true)} disabled={decide.isPending} data-testid="review-request-changes">
              {t('panel.requestChanges')}
            </button>
          </div>
        </div>
      ) : null}
      <Dialog open={asking} title={t('panel.dialog.title')} onClose={() => setAsking(false)} testId="request-changes-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate(
              { decision: 'request_changes', comment },
              {
                onSuccess: () => {
                  toast(t('panel.dialog.sent'));
                  setAsking(false);
                  setComment('');
                },
              },
            );
          }}
        >
          <label className="field">
            <span className="field-label">{t('panel.dialog.comment')}</span>
            <textarea rows={4} value={comment} maxLength={5000} onChange={(e) => setComment(e.target.value)} autoFocus data-testid="review-comment" />
          </label>
          <FormError message={errors.field('comment') ?? errors.general} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setAsking(false)}>
              {t('panel.dialog.back')}
            </button>
            <button className="btn btn-primary" disabled={decide.isPending || !comment.trim()}>
              {t('panel.dialog.send')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
