import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { usePasswordMinLength, useResetPassword } from './auth.api.ts';
import { StrengthMeter } from './password-strength.tsx';

function ExpiredLink() {
  return (
    <AuthLayout title="This link has expired" footer={<Link to="/login">Back to sign in</Link>}>
      <p>Reset links work once and for one hour. Ask for a new one and use the newest e-mail.</p>
      <Link to="/forgot-password" className="btn btn-primary btn-block">
        Ask for a new link
      </Link>
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const minLength = usePasswordMinLength();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const reset = useResetPassword();
  const errors = formErrors(reset.error, ['newPassword']);

  if (!token || params.get('error') || isApiError(reset.error, 'auth.invalid_token')) return <ExpiredLink />;

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed">
        <Notice tone="success">Your password was changed and every device was signed out. Sign in with your new password.</Notice>
        <Link to="/login" className="btn btn-primary btn-block">
          Sign in
        </Link>
      </AuthLayout>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTooShort(password.length < minLength);
    if (password.length >= minLength) reset.mutate({ newPassword: password, token });
  };
  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/login">Back to sign in</Link>}>
      <form onSubmit={submit} noValidate>
        <PasswordField
          label="New password"
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? `Use at least ${minLength} characters.` : errors.field('newPassword')}
          hint={<StrengthMeter password={password} minLength={minLength} />}
        />
        <FormError message={errors.general} />
        <button className="btn btn-primary btn-block" disabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </AuthLayout>
  );
}
