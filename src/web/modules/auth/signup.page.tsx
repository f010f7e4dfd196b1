import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useInstance, useMe, usePasswordMinLength, useRefreshMe, useSignUp } from './auth.api.ts';
import { StrengthMeter } from './password-strength.tsx';
import { safeNext, withNext } from './safe-next.ts';

type Problems = Partial<Record<'name' | 'email' | 'password', string>>;

function check(t: TFunction<'auth'>, name: string, email: string, password: string, minLength: number): Problems {
  const problems: Problems = {};
  if (!name.trim()) problems.name = t('signup.problems.name');
  if (!email.trim()) problems.email = t('signup.problems.email');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.email = t('signup.problems.emailInvalid');
  if (password.length < minLength) problems.password = t('signup.problems.password', { min: minLength });
  return problems;
}

export function SignupPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const invited = next.startsWith('/invite/');
  const navigate = useNavigate();
  const me = useMe();
  const instance = useInstance();
  const minLength = usePasswordMinLength();
  const refreshMe = useRefreshMe();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const signUp = useSignUp();
  const errors = formErrors(signUp.error, ['name', 'email', 'password']);

  if (me.data && !signUp.isPending) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check(t, name, email, password, minLength);
    setProblems(found);
    if (Object.keys(found).length) return;
    signUp.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: () => void refreshMe().then(() => navigate(next, { replace: true })) });
  };

  return (
    <AuthLayout
      title={invited ? t('signup.titleInvited') : t('signup.title')}
      intro={invited ? t('signup.introInvited') : t('signup.intro')}
      footer={<Trans t={t} i18nKey="signup.footer" components={{ signin: <Link to={withNext('/login', next)} /> }} />}
    >
      {instance.data?.signupDisabled ? (
        <Notice tone="warn" title={t('signup.closedTitle')}>
          {t('signup.closed')}
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate data-testid="signup-form">
        <Field label={t('fields.name')} autoComplete="name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} error={problems.name ?? errors.field('name')} />
        <Field
          label={t('fields.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.email ?? errors.field('email')}
        />
        <PasswordField
          label={t('fields.password')}
          autoComplete="new-password"
          required
          minLength={minLength}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problems.password ?? errors.field('password')}
          hint={<StrengthMeter password={password} minLength={minLength} />}
        />
        <FormError message={errors.general} />
        {/* Plain links (the pages are served by the server, outside the app), before the button, so
            they are read before agreeing. */}
        <p className="muted form-note" data-testid="signup-policies">
          <Trans t={t} i18nKey="signup.policies" components={{ terms: <a href="/terms" />, privacy: <a href="/privacy" /> }} />
        </p>
        <button className="btn btn-primary btn-block" disabled={signUp.isPending}>
          {signUp.isPending ? t('signup.submitting') : t('signup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
