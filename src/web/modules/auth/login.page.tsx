import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Checkbox, Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useMe, useRefreshMe, useSignIn, useVerifySecondFactor } from './auth.api.ts';
import { safeNext, withNext } from './safe-next.ts';

function SecondFactorStep({ onDone, onRestart }: { onDone: () => void; onRestart: () => void }) {
  const { t } = useTranslation('auth');
  const [method, setMethod] = useState<'totp' | 'backup'>('totp');
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const verify = useVerifySecondFactor();
  const errors = formErrors(verify.error, ['code']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate({ method, code: code.replace(/\s/g, ''), trustDevice }, { onSuccess: onDone });
  };
  return (
    <AuthLayout
      title={t('secondFactor.title')}
      intro={
method === 'totp' ? t('secondFactor.introTotp') : t('secondFactor.introBackup')}
    >
      <form onSubmit={submit} noValidate>
        <Field
          key={method}
          label={method === 'totp' ? t('secondFactor.codeTotp') : t('secondFactor.codeBackup')}
          inputMode={method === 'totp' ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          autoFocus
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.field('code')}
        />
        <Checkbox label={t('secondFactor.trustDevice')} checked={trustDevice} onChange={(e) => setTrustDevice(e.target.checked)} />
        <FormError message={errors.general} />
        <button className="btn btn-primary btn-block" disabled={verify.isPending || !code.trim()}>
          {verify.isPending ? t('secondFactor.submitting') : t('secondFactor.submit')}
        </button>
      </form>
      <div className="auth-links">
        <button
          type="button"
          className="btn-text"
          onClick={() => {
            setMethod(method === 'totp' ? 'backup' : 'totp');
            setCode('');
            verify.reset();
          }}
        >
          {method === 'totp' ? t('secondFactor.useBackup') : t('secondFactor.useTotp')}
        </button>
        <button type="button" className="btn-text" onClick={onRestart}>
          {t('secondFactor.restart')}
        </button>
      </div>
    </AuthLayout>
  );
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const refreshMe = useRefreshMe();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(true);
  const [secondFactor, setSecondFactor] = useState(false);
  const signIn = useSignIn();
  const errors = formErrors(signIn.error, ['email', 'password']);

  const finish = () => void refreshMe().then(() => navigate(next, { replace: true }));

  // Someone already signed in (another tab, a bookmark) goes straight on.
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  if (secondFactor) {
    return (
      <SecondFactorStep
        onDone={finish}
        onRestart={() => {
          setSecondFactor(false);
          setPassword('');
          signIn.reset();
        }}
      />
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { email: email.trim(), password, rememberMe },
      {
        onSuccess: (answer) => {
          if (answer?.twoFactorRedirect) setSecondFactor(true);
          else finish();
        },
      },
    );
  };

  return (
    <AuthLayout
      title={t('login.title')}
      intro={next.startsWith('/invite/') ? t('login.invitedIntro') : undefined}
      footer={<Trans t={t} i18nKey="login.footer" components={{ create: <Link to={withNext('/signup', next)} /> }} />}
    >
      <form onSubmit={submit} noValidate>
        <Field
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.field('email')}
        />
        <PasswordField label={t('fields.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
        <div className="form-row-between">
          <Checkbox label={t('login.rememberMe')} checked={rememberMe} onChange={(e) => setRememberMe(e.target.checked)} />
          <Link to="/forgot-password" className="small">
            {t('login.forgot')}
          </Link>
        </div>
        <FormError message={errors.general} />
        <button className="btn btn-primary btn-block" disabled={signIn.isPending}>
          {signIn.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
