import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useDeleteAccount, useDeletionPreview, type DeletionOutcome, type DeletionPreview } from './delete-account.api.ts';

const CONFIRMATION = 'DELETE';

function Consequences({ preview }: { preview: DeletionPreview }) {
  const { t } = useTranslation('profile');
  const revoked = preview.connectedChannels;
  return (
    <div className="stack-sm" data-testid="deletion-preview">
      {preview.deletedWorkspaces.length ? (
        <Notice tone="danger" title={t('deleteAccount.deletedTitle')}>
          <ul>
            {preview.deletedWorkspaces.map((w) => (
              <li key={w.id} data-testid="deleted-workspace">
                <Trans
                  t={t}
                  i18nKey={w.members > 1 ? 'deleteAccount.deletedItemMembers' : 'deleteAccount.deletedItem'}
                  values={{
                    name: w.name,
                    posts: t('deleteAccount.posts', { count: w.posts }),
                    channels: t('deleteAccount.channels', { count: w.channels }),
                    members: t('deleteAccount.otherMembers', { count: w.members - 1 }),
                  }}
                  components={{ strong: <strong /> }}
                />
              </li>
            ))}
          </ul>
          <p className="small">{t('deleteAccount.keepOne')}</p>
        </Notice>
      ) : null}
      {preview.sharedWorkspaces.length ? (
        <Notice title={t('deleteAccount.keptTitle')}>
          <ul>
            {preview.sharedWorkspaces.map((w) => (
              <li key={w.id}>
                <Trans t={t} i18nKey="deleteAccount.keptItem" count={w.yourPosts} values={{ name: w.name }} components={{ strong: <strong /> }} />
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {revoked.length ? (
        <Notice title={t('deleteAccount.revokedTitle')}>
          <ul>
            {revoked.map((c) => (
              <li key={c.id}>
                {t('deleteAccount.revokedItem', { network: c.network, account: c.username ? `@${c.username}` : (c.displayName ?? ''), workspace: c.workspaceName })}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p className="muted small">
        {t('deleteAccount.footer')}
        {preview.graceDays > 0 ? t('deleteAccount.grace', { count: preview.graceDays }) : t('deleteAccount.immediate')}
      </p>
    </div>
  );
}

function Goodbye({ outcome }: { outcome: DeletionOutcome }) {
  // A full page load forgets every cached answer of the deleted account.
  const { t } = useTranslation('profile');
  const leave = () => window.location.assign('/login');
  return (
    <Dialog open title={outcome.status === 'deleted' ? t('deleteAccount.goodbye.deletedTitle') : t('deleteAccount.goodbye.scheduledTitle')} onClose={leave} testId="account-goodbye">
      <p>
        {outcome.status === 'deleted' || !outcome.deleteAfter
          ? t('deleteAccount.goodbye.deleted')
          : t('deleteAccount.goodbye.scheduled', { date: formatDateTime(outcome.deleteAfter) })}
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={leave}>
          {t('deleteAccount.goodbye.leave')}
        </button>
      </div>
    </Dialog>
  );
}

/** Danger zone: shows what deleting the account does, then asks for the password (and code) and a typed confirmation. */
export function DeleteAccountSection({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
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
          <h2 id="delete-account-title">{t('deleteAccount.title')}</h2>
          <p className="muted small">{t('deleteAccount.description')}</p>
        </div>
        {!open ? (
          <button type="button" className="btn btn-danger-outline" data-testid="delete-account-start" onClick={() => setOpen(true)}>
            {t('deleteAccount.start')}
          </button>
        ) : null}
      </div>
      {open && preview.isPending ? <Loading label={t('deleteAccount.loading')} /> : null}
      {open && preview.data ? (
        <form onSubmit={submit} noValidate className="form-grid" data-testid="delete-account-form">
          <Consequences preview={preview.data} />
          {/* The button that opened the form is gone: the focus goes to the form's first field, not back to the page's top. */}
          <PasswordField label={t('deleteAccount.password')} autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
          {needsCode ? (
            <Field
              label={t('deleteAccount.code')}
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={errors.field('code')}
            />
          ) : null}
          <Field
            label={t('deleteAccount.typeToConfirm', { word: CONFIRMATION })}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="delete-account-confirm"
          />
          <FormError message={errors.general} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)} disabled={remove.isPending}>
              {t('deleteAccount.cancel')}
            </button>
            <button className="btn btn-danger" disabled={!ready || remove.isPending} data-testid="delete-account-submit">
              {remove.isPending ? t('deleteAccount.deleting') : t('deleteAccount.submit')}
            </button>
          </div>
        </form>
      ) : null}
      {open && preview.error ? <FormError message={errors.general} /> : null}
      {remove.data ? <Goodbye outcome={remove.data} /> : null}
    </section>
  );
}
