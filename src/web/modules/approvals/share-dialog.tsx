import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { useCreateReviewLink, useReviewLinks, useRevokeReviewLink } from './approvals.api.ts';

/**
 * "Share for review": a link a client opens without an account (one post, or every post in review
 * in a range such as the calendar's week), with the links already given out and their revocation.
 */
export function ShareForReviewButton({ postIds, range, label = 'Share for review…' }: { postIds?: string[]; range?: { from: Date; to: Date }; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="share-for-review">
        {label}
      </button>
      {open ? <ShareDialog postIds={postIds} range={range} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ShareDialog({ postIds, range, onClose }: { postIds?: string[]; range?: { from: Date; to: Date }; onClose: () => void }) {
  const workspace = useWorkspace();
  // A dialog for one post lists that post's links; the calendar's lists the range links.
  const links = useReviewLinks(workspace.id, { postId: postIds?.[0] });
  const create = useCreateReviewLink(workspace.id);
  const revoke = useRevokeReviewLink(workspace.id);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [days, setDays] = useState('7');
  const [url, setUrl] = useState<string | null>(null);
  const errors = formErrors(create.error ?? revoke.error, ['recipientName', 'recipientEmail', 'expiresInDays', 'postIds']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        recipientName: name.trim(),
        ...(email.trim() ? { recipientEmail: email.trim() } : {}),
        ...(postIds ? { postIds } : { from: range!.from.toISOString(), to: range!.to.toISOString() }),
        expiresInDays: Number(days),
      },
      { onSuccess: (link) => setUrl(link.url) },
    );
  };
  const shown = links.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Dialog open title="Share for review" onClose={onClose} testId="share-dialog">
      <p className="muted small">
        {postIds ? 'Anyone with the link sees this post as it will look on each network' : 'Anyone with the link sees every post waiting for review in this range'} and can approve it or
        ask for changes, without an account. Each decision is recorded with the name you give here.
      </p>
      {url ? (
        <div className="ap-link-ready" data-testid="review-link-ready">
          <p>Send this link to {name}. It is shown only now.</p>
          <div className="ap-link-row">
            <code className="ap-url" data-testid="review-link-url">
              {url}
            </code>
            <CopyButton text={url} label="Copy link" />
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label="Who is it for?" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={errors.field('recipientName')} data-testid="review-link-name" />
          <Field label="Their e-mail (optional)" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.field('recipientEmail')} />
          <SelectField label="Expires after" value={days} onChange={(e) => setDays(e.target.value)}>
            {[1, 3, 7, 14, 30].map((d) => (
              <option key={d} value={d}>
                {d} {d === 1 ? 'day' : 'days'}
              </option>
            ))}
          </SelectField>
          <FormError message={errors.general ?? errors.field('postIds')} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            <button className="btn btn-primary" disabled={create.isPending || !name.trim()} data-testid="review-link-create">
              {create.isPending ? 'Creating…' : 'Create link'}
            </button>
          </div>
        </form>
      )}
      {shown.length ? (
        <>
          <h3 className="ap-links-title">Links given out</h3>
          <ul className="ap-links" data-testid="review-links">
            {shown.map((l) => (
              <li key={l.id} className="ap-link">
                <span>
                  <strong>{l.recipientName}</strong>
                  <span className="muted small">
                    {' '}
                    · {l.status === 'active' ? `expires ${relativeTime(l.expiresAt)}` : l.status}
                    {l.lastOpenedAt ? ` · opened ${relativeTime(l.lastOpenedAt)}` : ' · not opened yet'}
                  </span>
                </span>
                {l.status === 'active' ? (
                  <button type="button" className="btn btn-small btn-danger-outline" disabled={revoke.isPending} onClick={() => revoke.mutate(l.id)}>
                    Revoke
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {links.hasNextPage ? (
            <button type="button" className="btn btn-small" disabled={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()} data-testid="review-links-more">
              {links.isFetchingNextPage ? 'Loading…' : 'Show older links'}
            </button>
          ) : null}
        </>
      ) : null}
      {url ? (
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Done
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
