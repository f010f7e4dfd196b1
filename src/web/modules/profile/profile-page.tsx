import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { get, post } from '../../api/client.ts';
import { keys, useInstance } from '../../api/queries.ts';
import type { Me, SessionInfo } from '../../api/types.ts';
import { Field, FormError, Notice, fieldError } from '../../components/form.tsx';
import { formatDateTime, shortUserAgent } from '../../components/format.ts';

function NameForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const save = useMutation({ mutationFn: () => post('/api/auth/update-user', { name: name.trim() }), onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }) });
  return (
    <section className="panel">
      <h2>Your details</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(save.error, 'name')} />
        <Field label="Email" value={me.user.email} readOnly hint="Your sign-in address." />
        <FormError error={save.error && !fieldError(save.error, 'name') ? save.error : null} />
        {save.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
        <button className="btn btn-primary" disabled={save.isPending || !name.trim() || name.trim() === me.user.name}>
          Save
        </button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const instance = useInstance();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => post('/api/auth/change-password', { currentPassword, newPassword, revokeOtherSessions: true }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  return (
    <section className="panel">
      <h2>Password</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate();
        }}
        noValidate
      >
        <Field label="Current password" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          hint={`At least ${instance.data?.passwordMinLength ?? 10} characters. Your other devices will be signed out.`}
          error={fieldError(change.error, 'newPassword')}
        />
        <FormError error={change.error} />
        {change.isSuccess ? <Notice tone="success">Password changed; other devices were signed out.</Notice> : null}
        <button className="btn btn-primary" disabled={change.isPending || !currentPassword || !newPassword}>
          Change password
        </button>
      </form>
    </section>
  );
}

function TwoFactor({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const enable = useMutation({
    mutationFn: () => post<{ totpURI: string; backupCodes: string[] }>('/api/auth/two-factor/enable', { password }),
    onSuccess: (data) => {
      setSetup(data);
      setPassword('');
    },
  });
  const confirm = useMutation({
    mutationFn: () => post('/api/auth/two-factor/verify-totp', { code: code.trim() }),
    onSuccess: async () => {
      setSetup(null);
      setCode('');
      await queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const disable = useMutation({
    mutationFn: () => post('/api/auth/two-factor/disable', { password }),
    onSuccess: async () => {
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  useEffect(() => {
    if (setup) void QRCode.toDataURL(setup.totpURI, { margin: 1, width: 200 }).then(setQr);
    else setQr(null);
  }, [setup]);
  const secret = setup ? new URL(setup.totpURI).searchParams.get('secret') : null;

  return (
    <section className="panel">
      <h2>Two-factor authentication</h2>
      {me.user.twoFactorEnabled && !setup ? (
        <>
          <Notice tone="success">On: every sign-in asks for a code from your authenticator app.</Notice>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              disable.mutate();
            }}
          >
            <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <FormError error={disable.error} />
            <button className="btn" disabled={!password || disable.isPending}>
              Turn off two-factor
            </button>
          </form>
        </>
      ) : setup ? (
        <div className="twofactor-setup">
          <p>Scan this code with your authenticator app (or type the key), then enter the 6-digit code it shows.</p>
          {qr ? <img src={qr} alt="QR code for your authenticator app" width={200} height={200} /> : null}
          <p className="small">
            Key: <code className="secret">{secret}</code>
          </p>
          <p className="small">Backup codes — keep them somewhere safe; each works once if you lose your phone:</p>
          <ul className="codes">
            {setup.backupCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              confirm.mutate();
            }}
          >
            <Field label="Authentication code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
            <FormError error={confirm.error} />
            <button className="btn btn-primary" disabled={!code || confirm.isPending}>
              Turn on two-factor
            </button>
          </form>
        </div>
      ) : (
        <>
          <p className="muted">Protect your account with a code from an authenticator app at every sign-in.</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              enable.mutate();
            }}
          >
            <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} hint="Confirm it is you." />
            <FormError error={enable.error} />
            <button className="btn btn-primary" disabled={!password || enable.isPending}>
              Set up two-factor
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function Sessions() {
  const instance = useInstance();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['session'], queryFn: () => get<{ session: { id: string } } | null>('/api/auth/get-session') });
  const sessions = useQuery({ queryKey: keys.sessions, queryFn: () => get<SessionInfo[]>('/api/auth/list-sessions') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.sessions });
  const revoke = useMutation({ mutationFn: (token: string) => post('/api/auth/revoke-session', { token }), onSettled: refresh });
  const revokeOthers = useMutation({ mutationFn: () => post('/api/auth/revoke-other-sessions'), onSettled: refresh });
  const list = [...(sessions.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const others = list.filter((s) => s.id !== current.data?.session.id);

  return (
    <section className="panel">
      <div className="panel-head">
        <div>
          <h2>Where you are signed in</h2>
          <p className="muted">A session ends after {instance.data?.sessionIdleDays ?? 30} days without use.</p>
        </div>
        <button className="btn" onClick={() => revokeOthers.mutate()} disabled={others.length === 0 || revokeOthers.isPending}>
          Sign out other devices
        </button>
      </div>
      <FormError error={sessions.error ?? revoke.error ?? revokeOthers.error} />
      <ul className="list" aria-label="Sessions">
        {list.map((s) => {
          const mine = s.id === current.data?.session.id;
          return (
            <li key={s.id} className="list-row">
              <div className="grow">
                <div className="strong" title={s.userAgent ?? undefined}>
                  {shortUserAgent(s.userAgent)}
                  {mine ? <span className="tag">This device</span> : null}
                </div>
                <div className="muted small">
                  {s.ipAddress ?? 'unknown address'} · signed in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.updatedAt)}
                </div>
              </div>
              {!mine ? (
                <button className="btn btn-quiet" onClick={() => revoke.mutate(s.token)}>
                  Revoke
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ProfilePage({ me }: { me: Me }) {
  return (
    <div className="stack">
      <h1>Profile</h1>
      <NameForm me={me} />
      <PasswordForm />
      <TwoFactor me={me} />
      <Sessions />
    </div>
  );
}
