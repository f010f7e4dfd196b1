import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client.ts';
import { keys, useInstance } from '../../api/queries.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { Field, FormError, Notice, fieldError } from '../../components/form.tsx';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function useSubmit() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useBackup, setUseBackup] = useState(false);
  const [secondFactor, setSecondFactor] = useState(false);
  const { error, busy, run } = useSubmit();

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.me });
    navigate(next, { replace: true });
  };

  const signIn = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const result = await post<{ twoFactorRedirect?: boolean }>('/api/auth/sign-in/email', { email, password });
      if (result?.twoFactorRedirect) setSecondFactor(true);
      else await finish();
    });
  };
  const verify = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await post(useBackup ? '/api/auth/two-factor/verify-backup-code' : '/api/auth/two-factor/verify-totp', { code: code.trim() });
      await finish();
    });
  };

  if (secondFactor) {
    return (
      <AuthLayout title="Two-factor check">
        <form onSubmit={verify} noValidate>
          <Field
            label={useBackup ? 'Backup code' : 'Authentication code'}
            inputMode={useBackup ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            hint={useBackup ? 'One of the backup codes you saved when you turned two-factor on.' : 'The 6-digit code from your authenticator app.'}
          />
          <FormError error={error} />
          <button className="btn btn-primary btn-block" disabled={busy}>
            Verify
          </button>
        </form>
        <button className="btn-link" type="button" onClick={() => setUseBackup(!useBackup)}>
          {useBackup ? 'Use the authenticator app instead' : 'Use a backup code instead'}
        </button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
          <Link to="/forgot-password">Forgot your password?</Link>
        </>
      }
    >
      <form onSubmit={signIn} noValidate>
        <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
        <Field label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(error, 'password')} />
        <FormError error={error} />
        <button className="btn btn-primary btn-block" disabled={busy}>
          Sign in
        </button>
      </form>
    </AuthLayout>
  );
}

export function SignupPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const instance = useInstance();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const { error, busy, run } = useSubmit();
  const minLength = instance.data?.passwordMinLength ?? 10;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < minLength) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    void run(async () => {
      await post('/api/auth/sign-up/email', { name: name.trim(), email: email.trim(), password });
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate(next, { replace: true });
    });
  };

  return (
    <AuthLayout title="Create your account" footer={<Link to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>I already have an account</Link>}>
      {instance.data?.signupDisabled ? <Notice tone="warn">Sign-up is closed on this Herald. You can still join with the e-mail address an invitation was sent to.</Notice> : null}
      <form onSubmit={submit} noValidate>
        <Field label="Name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} />
        <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? `Use at least ${minLength} characters; a few random words make a strong password.` : fieldError(error, 'password')}
          hint={`At least ${minLength} characters.`}
        />
        <FormError error={error} />
        <button className="btn btn-primary btn-block" disabled={busy}>
          Sign up
        </button>
      </form>
    </AuthLayout>
  );
}

export function ForgotPasswordPage() {
  const instance = useInstance();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { error, busy, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await post('/api/auth/request-password-reset', { email: email.trim(), redirectTo: '/reset-password' });
      setSent(true);
    });
  };
  return (
    <AuthLayout title="Reset your password" footer={<Link to="/login">Back to sign in</Link>}>
      {instance.data?.mailTransport === 'log' ? (
        <Notice tone="warn">This Herald has no mail server configured: the reset link is written to the server log. Ask your operator for it.</Notice>
      ) : null}
      {sent ? (
        <Notice tone="success">If an account exists for {email}, a reset link is on its way. It is valid for one hour.</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} />
          <FormError error={error} />
          <button className="btn btn-primary btn-block" disabled={busy}>
            Send reset link
          </button>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const instance = useInstance();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { error, busy, run } = useSubmit();
  const minLength = instance.data?.passwordMinLength ?? 10;

  if (!token || params.get('error')) {
    return (
      <AuthLayout title="Link expired" footer={<Link to="/forgot-password">Ask for a new link</Link>}>
        <p>This reset link is invalid or has expired.</p>
      </AuthLayout>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await post('/api/auth/reset-password', { newPassword: password, token });
      setDone(true);
    });
  };
  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/login">Sign in</Link>}>
      {done ? (
        <Notice tone="success">Your password was changed and your other sessions were signed out. You can sign in now.</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field label="New password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} hint={`At least ${minLength} characters.`} error={fieldError(error, 'newPassword')} />
          <FormError error={error} />
          <button className="btn btn-primary btn-block" disabled={busy}>
            Change password
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
