import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
export function ShareForReviewButton({ postIds, range, label }: { postIds?: string[]; range?: { from: Date; to: Date }; label?: string }) {
  const { t } = useTranslation('approvals');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="share-for-review">
        {label ?? t('share.button')}
      </button>
      {open ? <ShareDialog postIds={postIds} range={range} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ShareDialog({ postIds, range, onClose }: { postIds?: string[]; range?: { from: Date; to: Date }; onClose: () => void }) {
  const { t } = useTranslation('approvals');
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
    <Dialog open title={t('share.title')} onClose={onClose} testId="share-dialog">
      <p className="muted small">{postIds ? t('share.introPost') : t('share.introRange')}</p>
      {url ? (
        <div className="ap-link-ready" data-testid="review-link-ready">
          <p>{t('share.ready', { name })}</p>
          <div className="ap-link-row">
            <code className="ap-url" data-testid="review-link-url">
              {url}
            </code>
            <CopyButton text={url} label={t('share.copyLink')} />
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('share.name')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={errors.field('recipientName')} data-testid="review-link-name" />
          <Field label={t('share.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.field('recipientEmail')} />
          <SelectField label={t('share.expiresAfter')} value={days} onChange={(e) => setDays(e.target.value)}>
            {[1, 3, 7, 14, 30].map((d) => (
              <option key={d} value={d}>
                {t('share.days', { count: d })}
              </option>
            ))}
          </SelectField>
          <FormError message={errors.general ?? errors.field('postIds')} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('share.close')}
            </button>
            <button className="btn btn-primary" disabled={create.isPending || !name.trim()} data-testid="review-link-create">
              {create.isPending ? t('share.creating') : t('share.create')}
            </button>
          </div>
        </form>
      )}
      {shown.length ? (
        <>
          <h3 className="ap-links-title">{t('share.links.title')}</h3>
          <ul className="ap-links" data-testid="review-links">
            {shown.map((l) => (
              <li key={l.id} className="ap-link">
                <span>
                  <strong>{l.recipientName}</strong>
                  <span className="muted small">
                    {' '}
                    · {l.status === 'active' ? t('share.links.expires', { when: relativeTime(l.expiresAt) }) : t(`share.links.status.${l.status}`)}
                    {' · '}
                    {l.lastOpenedAt ? t('share.links.opened', { when: relativeTime(l.lastOpenedAt) }) : t('share.links.notOpened')}
                  </span>
                </span>
                {l.status === 'active' ? (
                  <button type="button" className="btn btn-small btn-danger-outline" disabled={revoke.isPending} onClick={() => revoke.mutate(l.id)}>
                    {t('share.links.revoke')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {links.hasNextPage ? (
            <button type="button" className="btn btn-small" disabled={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()} data-testid="review-links-more">
              {links.isFetchingNextPage ? t('share.links.loading') : t('share.links.more')}
            </button>
          ) : null}
        </>
      ) : null}
      {url ? (
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('share.done')}
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
