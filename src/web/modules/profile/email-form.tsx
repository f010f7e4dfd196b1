import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useInstance, type Me } from '../auth/auth.api.ts';
import { useChangeEmail } from './profile.api.ts';

// better-auth sends the confirmation link back here with `?error=<CODE>` when it refuses it.
const linkErrors: Record<string, string> = {
  INVALID_TOKEN: 'This confirmation link is not valid (it may have been used already). Your e-mail address did not change.',
  TOKEN_EXPIRED: 'This confirmation link has expired. Your e-mail address did not change; ask for a new link below.',
  EMAIL_TAKEN: 'That address is now used by another account. Your e-mail address did not change.',
  INVALID_USER: 'This link belongs to another account. Sign out, then open it again.',
  USER_NOT_FOUND: 'The account this link was for no longer exists.',
};

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The sign-in address: shown, and changed only once the new address confirms it (a link sent there). */
export function EmailForm({ me }: { me: Me }) {
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
    const reason = !looksLikeEmail(address) ? 'Enter an e-mail address, like name@example.com.' : address === me.user.email ? 'This is already your address.' : null;
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
          <h2 id="email-title">E-mail</h2>
          <p className="muted small">You sign in with this address, and Herald writes to it.</p>
        </div>
      </div>
      {confirmed ? (
        <Notice tone="success" title="E-mail address changed">
          <p>
            You now sign in with <strong>{me.user.email}</strong>.{' '}
            <button type="button" className="btn-text" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        </Notice>
      ) : null}
      {linkError ? (
        <Notice tone="danger" title="The address was not changed">
          <p>
            {linkErrors[linkError] ?? `The confirmation link was refused (${linkError}). Your e-mail address did not change.`}{' '}
            <button type="button" className="btn-text" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Current e-mail" value={me.user.email} readOnly />
        <Field
          label="New e-mail"
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={(e) => setNewEmail(e.target.value)}
          error={problem ?? errors.field('newEmail')}
          hint="We send a link to the new address. Your address changes only when that link is opened."
        />
        <FormError message={problem ? undefined : errors.general} />
        {sentTo && !change.isPending ? (
          <Notice tone="success" title="Check the new address">
            <p>
              If the address is free, we sent a link to <strong>{sentTo}</strong>. Your address changes only once that link is opened (within 24 hours); until then you keep
              signing in with {me.user.email}, which we also told about this request.
            </p>
            {instance.data?.mailTransport === 'log' ? <p className="muted small">This Herald has no mail server: the e-mail is written to the server log. Ask your administrator for the link.</p> : null}
          </Notice>
        ) : null}
        <div className="form-actions">
          <button className="btn btn-primary" disabled={change.isPending || !newEmail.trim()}>
            {change.isPending ? 'Sending…' : 'Send confirmation link'}
          </button>
        </div>
      </form>
    </section>
  );
}
