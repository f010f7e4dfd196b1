import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { usePasswordMinLength, useResetPassword } from './auth.api.ts';
import { StrengthMeter } from './password-strength.tsx';

function ExpiredLink() {
  const { t } = useTranslation('auth');
  return (
    <AuthLayout title={t('reset.expiredTitle')} footer={<Link to="/login">{t('backToSignIn')}</Link>}>
      <p>{t('reset.expired')}</p>
      <Link to="/forgot-password" className="btn btn-primary btn-block">
        {t('reset.askAgain')}
      </Link>
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
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
      <AuthLayout title={t('reset.doneTitle')}>
        <Notice tone="success">{t('reset.done')}</Notice>
        <Link to="/login" className="btn btn-primary btn-block">
          {t('reset.signIn')}
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
    <AuthLayout title={t('reset.title')} footer={<Link to="/login">{t('backToSignIn')}</Link>}>
      <form onSubmit={submit} noValidate>
        <PasswordField
          label={t('reset.newPassword')}
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? t('reset.tooShort', { min: minLength }) : errors.field('newPassword')}
          hint={<StrengthMeter password={password} minLength={minLength} />}
        />
        <FormError message={errors.general} />
        <button className="btn btn-primary btn-block" disabled={reset.isPending}>
          {reset.isPending ? t('reset.submitting') : t('reset.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
