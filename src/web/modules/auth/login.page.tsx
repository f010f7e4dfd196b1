import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Checkbox, Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useMe, useRefreshMe, useSignIn, useVerifySecondFactor } from './auth.api.ts';
import { safeNext, withNext } from './safe-next.ts';

function SecondFactorStep({ onDone, onRestart }: { onDone: () => void; onRestart: () => void }) {
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
      title="Two-factor check"
      intro={
        method === 'totp'
          ? 'Open your authenticator app and enter the 6-digit code it shows for Herald.'
          : 'Enter one of the backup codes you saved when you turned on two-factor. Each works once.'
      }
    >
      <form onSubmit={submit} noValidate>
        <Field
          key={method}
          label={method === 'totp' ? 'Authentication code' : 'Backup code'}
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
        <Checkbox label="Trust this browser for 30 days" checked={trustDevice} onChange={(e) => setTrustDevice(e.target.checked)} />
        <FormError message={errors.general} />
        <button className="btn btn-primary btn-block" disabled={verify.isPending || !code.trim()}>
          {verify.isPending ? 'Checking…' : 'Verify'}
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
          {method === 'totp' ? 'Use a backup code instead' : 'Use the authenticator app instead'}
        </button>
        <button type="button" className="btn-text" onClick={onRestart}>
          Start over
        </button>
      </div>
    </AuthLayout>
  );
}

export function LoginPage() {
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
      title="Sign in to Herald"
      intro={next.startsWith('/invite/') ? 'Sign in with the e-mail address your invitation was sent to.' : undefined}
      footer={
        <>
          New to Herald? <Link to={withNext('/signup', next)}>Create an account</Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.field('email')}
        />
        <PasswordField label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
        <div className="form-row-between">
          <Checkbox label="Keep me signed in" checked={rememberMe} onChange={(e) => setRememberMe(e.target.checked)} />
          <Link to="/forgot-password" className="small">
            Forgot your password?
          </Link>
        </div>
        <FormError message={errors.general} />
        <button className="btn btn-primary btn-block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
