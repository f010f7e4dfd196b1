import { useState } from 'react';
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

export const decisionWords: Record<string, string> = {
  submitted: 'submitted it for review',
  approved: 'approved it',
  changes_requested: 'asked for changes',
  reopened: 'edited it after approval: back to review',
};

export function ReviewHistory({ items }: { items: Pick<Review, 'decision' | 'comment' | 'actorName' | 'createdAt'>[] }) {
  if (!items.length) return <p className="muted small">No review yet.</p>;
  return (
    <ol className="ap-history" data-testid="review-history">
      {items.map((r, i) => (
        <li key={i} className={`ap-step ap-step-${r.decision}`}>
          <span>
            <strong>{r.actorName}</strong> {decisionWords[r.decision] ?? r.decision}{' '}
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
      { onSuccess: () => toast('Approved: the post is scheduled.') },
    );
  return (
    <section className="card ap-panel" aria-labelledby="review-heading" data-testid="review-panel">
      <div className="card-head ap-panel-head">
        <h2 id="review-heading">Review</h2>
        {canApprove ? <ShareForReviewButton postIds={[post.id]} /> : null}
      </div>
      {inReview ? (
        <p className={timePassed ? 'notice notice-warn' : 'muted'} data-testid="review-status">
          {timePassed ? 'Its planned time passed while it waited for review: it was not published. Approve it with a new time.' : 'Waiting for approval. Nothing is sent until it is approved.'}
        </p>
      ) : post.state === 'changes_requested' ? (
        <p className="muted" data-testid="review-status">
          Changes were requested. Edit the post, then submit it again from the composer.
        </p>
      ) : post.review?.approvedAt ? (
        <p className="muted" data-testid="review-status">
          Approved by <strong>{post.review.approvedByName}</strong> {relativeTime(post.review.approvedAt)}.
        </p>
      ) : null}
      <ReviewHistory items={items} />
      {inReview && canApprove ? (
        <div className="ap-actions">
          {timePassed ? (
            <label className="field">
              <span className="field-label">New time</span>
              <input type="datetime-local" value={newTime} onChange={(e) => setNewTime(e.target.value)} data-testid="review-new-time" />
            </label>
          ) : null}
          <FormError message={errors.general ?? errors.field('publishAt')} />
          <div className="ap-buttons">
            <button type="button" className="btn btn-primary" disabled={decide.isPending || (timePassed && !newTime)} onClick={approve} data-testid="review-approve">
              Approve
            </button>
            <button type="button" className="btn" onClick={() => setAsking(true)} disabled={decide.isPending} data-testid="review-request-changes">
              Request changes…
            </button>
          </div>
        </div>
      ) : null}
      <Dialog open={asking} title="Request changes" onClose={() => setAsking(false)} testId="request-changes-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate(
              { decision: 'request_changes', comment },
              {
                onSuccess: () => {
                  toast('Sent back to the author.');
                  setAsking(false);
                  setComment('');
                },
              },
            );
          }}
        >
          <label className="field">
            <span className="field-label">What should change?</span>
            <textarea rows={4} value={comment} maxLength={5000} onChange={(e) => setComment(e.target.value)} autoFocus data-testid="review-comment" />
          </label>
          <FormError message={errors.field('comment') ?? errors.general} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setAsking(false)}>
              Back
            </button>
            <button className="btn btn-primary" disabled={decide.isPending || !comment.trim()}>
              Send to the author
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
