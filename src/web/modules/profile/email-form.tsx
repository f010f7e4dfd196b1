import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useInstance, type Me } from '../auth/auth.api.ts';
import { useChangeEmail } from './profile.api.ts';

// better-auth sends the confirmation link back here with `?error=<CODE>` when it refuses it; these
// codes have their sentence under `email.linkErrors`.
const linkErrors = new Set(['INVALID_TOKEN', 'TOKEN_EXPIRED', 'EMAIL_TAKEN', 'INVALID_USER', 'USER_NOT_FOUND']);

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The sign-in address: shown, and changed only once the new address confirms it (a link sent there). */
export function EmailForm({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
  const instance = useInstance();
  const [params, setParams] = useSearchParams();
  const [newEmail, setNewEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const change = useChangeEmail();
  const errors = formErrors(change.error, ['newEmail']);

  const linkError = params.get('error');
  const confirmed = !linkError && params.get('email') === 'changed';
  const dismiss = () => setParams({}, { replace: true });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = newEmail.trim().toLowerCase();
    const reason = !looksLikeEmail(address) ? t('email.invalid') : address === me.user.email ? t('email.same') : null;
    setProblem(reason);
    if (reason) return;
    change.mutate(address, {
      onSuccess: () => {
        setSentTo(address);
        setNewEmail('');
      },
    });
  };

  return (
    <section className="card" aria-labelledby="email-title">
      <div className="card-head">
        <div>
          <h2 id="email-title">{t('email.title')}</h2>
          <p className="muted small">{t('email.description')}</p>
        </div>
      </div>
      {confirmed ? (
        <Notice tone="success" title={t('email.changedTitle')}>
          <p>
            <Trans t={t} i18nKey="email.changedBody" values={{ email: me.user.email }} components={{ strong: <strong /> }} />{' '}
            <button type="button" className="btn-text" onClick={dismiss}>
              {t('email.dismiss')}
            </button>
          </p>
        </Notice>
      ) : null}
      {linkError ? (
        <Notice tone="danger" title={t('email.notChangedTitle')}>
          <p>
            {linkErrors.has(linkError) ? t(`email.linkErrors.${linkError}`) : t('email.linkErrors.other', { code: linkError })}{' '}
            <button type="button" className="btn-text" onClick={dismiss}>
              {t('email.dismiss')}
            </button>
          </p>
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label={t('email.current')} value={me.user.email} readOnly />
        <Field
          label={t('email.new')}
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={(e) => setNewEmail(e.target.value)}
          error={problem ?? errors.field('newEmail')}
          hint={t('email.hint')}
        />
        <FormError message={problem ? undefined : errors.general} />
        {sentTo && !change.isPending ? (
          <Notice tone="success" title={t('email.sentTitle')}>
            <p>
              <Trans t={t} i18nKey="email.sentBody" values={{ sentTo, current: me.user.email }} components={{ strong: <strong /> }} />
            </p>
            {instance.data?.mailTransport === 'log' ? <p className="muted small">{t('email.noMailServer')}</p> : null}
          </Notice>
        ) : null}
        <div className="form-actions">
          <button className="btn btn-primary" disabled={change.isPending || !newEmail.trim()}>
            {change.isPending ? t('email.sending') : t('email.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
