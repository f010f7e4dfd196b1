import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useInstance, useMe, usePasswordMinLength, useRefreshMe, useSignUp } from './auth.api.ts';
import { StrengthMeter } from './password-strength.tsx';
import { safeNext, withNext } from './safe-next.ts';

type Problems = Partial<Record<'name' | 'email' | 'password', string>>;

function check(name: string, email: string, password: string, minLength: number): Problems {
  const problems: Problems = {};
  if (!name.trim()) problems.name = 'Enter your name; your teammates see it next to your work.';
  if (!email.trim()) problems.email = 'Enter your e-mail address.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.email = 'This does not look like an e-mail address.';
  if (password.length < minLength) problems.password = `Use at least ${minLength} characters; a few random words make a strong password.`;
  return problems;
}

export function SignupPage() {
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
    const found = check(name, email, password, minLength);
    setProblems(found);
    if (Object.keys(found).length) return;
    signUp.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: () => void refreshMe().then(() => navigate(next, { replace: true })) });
  };

  return (
    <AuthLayout
      title={invited ? 'Create your account to join' : 'Create your Herald account'}
      intro={
        invited ? 'Use the e-mail address the invitation was sent to; you will come back to the invitation afterwards.' : 'Plan, write and schedule your posts with your team.'
      }
      footer={
        <>
          Already have an account? <Link to={withNext('/login', next)}>Sign in</Link>
        </>
      }
    >
      {instance.data?.signupDisabled ? (
        <Notice tone="warn" title="Sign-up is closed">
          This Herald only accepts people who were invited. If you have an invitation, sign up with the address it was sent to.
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate data-testid="signup-form">
        <Field label="Name" autoComplete="name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} error={problems.name ?? errors.field('name')} />
        <Field
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.email ?? errors.field('email')}
        />
        <PasswordField
          label="Password"
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
          By signing up you agree to the <a href="/terms">terms of service</a>. The <a href="/privacy">privacy policy</a> says what this Herald keeps about you and
          why.
        </p>
        <button className="btn btn-primary btn-block" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating your account…' : 'Sign up'}
        </button>
      </form>
    </AuthLayout>
  );
}
