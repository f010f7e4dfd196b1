import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useInstance, useRequestPasswordReset } from './auth.api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
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
      title={t('forgot.title')}
      intro={request.isSuccess ? undefined : t('forgot.intro')}
      footer={<Link to="/login">{t('backToSignIn')}</Link>}
    >
      {logOnly ? (
        <Notice tone="warn" title={t('forgot.logOnlyTitle')}>
          {t('forgot.logOnly')}
        </Notice>
      ) : null}
      {request.isSuccess ? (
        <Notice tone="success" title={t('forgot.sentTitle')}>
          {t('forgot.sent', { email: email.trim() })}
        </Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label={t('fields.email')}
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
            {request.isPending ? t('forgot.submitting') : t('forgot.submit')}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
