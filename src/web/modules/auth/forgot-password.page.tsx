import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useInstance, useRequestPasswordReset } from './auth.api.ts';

export function ForgotPasswordPage() {
  const instance = useInstance();
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const errors = formErrors(request.error, ['email']);
  const logOnly = instance.data?.mailTransport === 'log';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim()) request.mutate(email.trim());
  };
  return (
    <AuthLayout
      title="Reset your password"
      intro={request.isSuccess ? undefined : 'Enter the e-mail address you sign in with and we will send you a link to choose a new password.'}
      footer={<Link to="/login">Back to sign in</Link>}
    >
      {logOnly ? (
        <Notice tone="warn" title="E-mails are not sent on this Herald">
          No mail server is configured, so the reset link is written to the server log instead. Ask the person who runs this Herald to pass it on to you.
        </Notice>
      ) : null}
      {request.isSuccess ? (
        <Notice tone="success" title="Check your inbox">
          If an account exists for {email.trim()}, a reset link is on its way. It is valid for one hour.
        </Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label="Email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.field('email')}
          />
          <FormError message={errors.general} />
          <button className="btn btn-primary btn-block" disabled={request.isPending || !email.trim()}>
            {request.isPending ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
