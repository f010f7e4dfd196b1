import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useDeleteAccount, useDeletionPreview, type DeletionOutcome, type DeletionPreview } from './delete-account.api.ts';

const CONFIRMATION = 'DELETE';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Consequences({ preview }: { preview: DeletionPreview }) {
  const revoked = preview.connectedChannels;
  return (
    <div className="stack-sm" data-testid="deletion-preview">
      {preview.deletedWorkspaces.length ? (
        <Notice tone="danger" title="Deleted with all their data (you are their only owner)">
          <ul>
            {preview.deletedWorkspaces.map((w) => (
              <li key={w.id} data-testid="deleted-workspace">
                <strong>{w.name}</strong>: {plural(w.posts, 'post')}, {plural(w.channels, 'channel')}
                {w.members > 1 ? `, and the access of ${plural(w.members - 1, 'other member')}` : ''}
              </li>
            ))}
          </ul>
          <p className="small">To keep one, make someone else its owner first (workspace settings → Members).</p>
        </Notice>
      ) : null}
      {preview.sharedWorkspaces.length ? (
        <Notice title="Kept, without your name">
          <ul>
            {preview.sharedWorkspaces.map((w) => (
              <li key={w.id}>
                <strong>{w.name}</strong>: {plural(w.yourPosts, 'post')} you wrote stay, no longer attributed to you
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {revoked.length ? (
        <Notice title="Disconnected: Herald's access is revoked at the network">
          <ul>
            {revoked.map((c) => (
              <li key={c.id}>
                {c.network} {c.username ? `@${c.username}` : (c.displayName ?? '')} in {c.workspaceName}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p className="muted small">
        Your sessions end, and your profile, password, two-factor settings, notifications and data exports are deleted. The activity log keeps what happened with an
        anonymous id instead of your name.
        {preview.graceDays > 0
          ? ` The deletion happens ${plural(preview.graceDays, 'day')} after you confirm; signing in again before then cancels it.`
          : ' This happens at once and cannot be undone.'}
      </p>
    </div>
  );
}

function Goodbye({ outcome }: { outcome: DeletionOutcome }) {
  // A full page load forgets every cached answer of the deleted account.
  const leave = () => window.location.assign('/login');
  return (
    <Dialog open title={outcome.status === 'deleted' ? 'Your account is deleted' : 'Your account will be deleted'} onClose={leave} testId="account-goodbye">
      <p>
        {outcome.status === 'deleted' || !outcome.deleteAfter
          ? 'Everything listed has been deleted or revoked, and you are signed out. Thank you for using Herald.'
          : `You are signed out everywhere. The account will be deleted on ${formatDateTime(outcome.deleteAfter)}; sign in before then if you change your mind.`}
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={leave}>
          Goodbye
        </button>
      </div>
    </Dialog>
  );
}

/** Danger zone: shows what deleting the account does, then asks for the password (and code) and a typed confirmation. */
export function DeleteAccountSection({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [typed, setTyped] = useState('');
  const preview = useDeletionPreview(open);
  const remove = useDeleteAccount();
  const errors = formErrors(remove.error ?? preview.error, ['password', 'code']);
  const needsCode = !!me.user.twoFactorEnabled;
  const ready = !!password && typed === CONFIRMATION && (!needsCode || !!code.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) remove.mutate({ password, code: needsCode ? code.trim() : undefined });
  };

  return (
    <section className="card card-danger" aria-labelledby="delete-account-title">
      <div className="card-head">
        <div>
          <h2 id="delete-account-title">Delete account</h2>
          <p className="muted small">Deletes your account on this Herald, and the workspaces you own alone. See what it would delete before deciding.</p>
        </div>
        {!open ? (
          <button type="button" className="btn btn-danger-outline" data-testid="delete-account-start" onClick={() => setOpen(true)}>
            Delete my account…
          </button>
        ) : null}
      </div>
      {open && preview.isPending ? <Loading label="Working out what would be deleted…" /> : null}
      {open && preview.data ? (
        <form onSubmit={submit} noValidate className="form-grid" data-testid="delete-account-form">
          <Consequences preview={preview.data} />
          <PasswordField label="Your password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
          {needsCode ? (
            <Field
              label="Code from your authenticator app, or a backup code"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={errors.field('code')}
            />
          ) : null}
          <Field
            label={`Type ${CONFIRMATION} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="delete-account-confirm"
          />
          <FormError message={errors.general} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)} disabled={remove.isPending}>
              Cancel
            </button>
            <button className="btn btn-danger" disabled={!ready || remove.isPending} data-testid="delete-account-submit">
              {remove.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      ) : null}
      {open && preview.error ? <FormError message={errors.general} /> : null}
      {remove.data ? <Goodbye outcome={remove.data} /> : null}
    </section>
  );
}
