import { useEffect, useState, type FormEvent } from 'react';
import QRCode from 'qrcode';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { ShieldIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import type { Me } from '../auth/auth.api.ts';
import { BackupCodes } from './backup-codes.tsx';
import { useConfirmTwoFactor, useDisableTwoFactor, useNewBackupCodes, useStartTwoFactor, type TwoFactorSetup } from './profile.api.ts';

function SetupSteps({ setup, onDone, onCancel }: { setup: TwoFactorSetup; onDone: () => void; onCancel: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const confirm = useConfirmTwoFactor();
  const errors = formErrors(confirm.error, ['code']);
  const secret = new URL(setup.totpURI).searchParams.get('secret') ?? '';
  // The QR code is drawn here, never fetched: the secret must not leave the browser.
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(setup.totpURI, { margin: 1, width: 192, errorCorrectionLevel: 'M' }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [setup.totpURI]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code.replace(/\s/g, ''), { onSuccess: onDone });
  };
  return (
    <ol className="steps">
      <li>
        <h3>Scan this code with your authenticator app</h3>
        <p className="muted small">Any TOTP app works: 1Password, Bitwarden, Google Authenticator, Aegis, Authy…</p>
        <div className="qr-row">
          {qr ? <img src={qr} alt="QR code for your authenticator app" width={192} height={192} className="qr" /> : <div className="qr qr-placeholder" />}
          <div className="small">
            <p>Cannot scan? Enter this key in the app instead:</p>
            <code className="secret" data-testid="totp-secret">
              {secret}
            </code>
          </div>
        </div>
      </li>
      <li>
        <h3>Save your backup codes</h3>
        <p className="muted small">If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, like a password manager.</p>
        <BackupCodes codes={setup.backupCodes} />
      </li>
      <li>
        <h3>Enter the code the app shows</h3>
        <form onSubmit={submit} noValidate className="inline-form">
          <Field
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.field('code')}
          />
          <div className="inline-form-actions">
            <button className="btn btn-primary" disabled={!code.trim() || confirm.isPending}>
              {confirm.isPending ? 'Checking…' : 'Turn on two-factor'}
            </button>
            <button type="button" className="btn btn-ghost" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
        <FormError message={errors.general} />
      </li>
    </ol>
  );
}

function EnabledState() {
  const toast = useToast();
  const [password, setPassword] = useState('');
  const disable = useDisableTwoFactor();
  const newCodes = useNewBackupCodes();
  const errors = formErrors(disable.error ?? newCodes.error, ['password']);
  return (
    <>
      <Notice tone="success">On: every sign-in asks for a code from your authenticator app.</Notice>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          disable.mutate(password, { onSuccess: () => toast('Two-factor authentication is off.') });
        }}
        noValidate
        className="inline-form"
      >
        <PasswordField
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.field('password')}
          hint="Needed to change two-factor settings."
        />
        <div className="inline-form-actions">
          <button type="button" className="btn" disabled={!password || newCodes.isPending} onClick={() => newCodes.mutate(password, { onSuccess: () => setPassword('') })}>
            New backup codes
          </button>
          <button className="btn btn-danger-outline" disabled={!password || disable.isPending}>
            Turn off two-factor
          </button>
        </div>
      </form>
      <FormError message={errors.general} />
      {newCodes.data ? (
        <div className="stack-sm">
          <Notice tone="warn">Your old backup codes no longer work. Save these now; they are shown only once.</Notice>
          <BackupCodes codes={newCodes.data.backupCodes} />
        </div>
      ) : null}
    </>
  );
}

export function TwoFactorSection({ me }: { me: Me }) {
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const start = useStartTwoFactor();
  const errors = formErrors(start.error, ['password']);

  let body;
  if (setup) {
    body = (
      <SetupSteps
        setup={setup}
        onCancel={() => setSetup(null)}
        onDone={() => {
          setSetup(null);
          toast('Two-factor authentication is on.');
        }}
      />
    );
  } else if (me.user.twoFactorEnabled) {
    body = <EnabledState />;
  } else {
    body = (
      <>
        <p className="muted small">Protect your account with a one-time code from an authenticator app, asked for at every sign-in. A stolen password alone is then not enough.</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate(password, {
              onSuccess: (data) => {
                setSetup(data);
                setPassword('');
              },
            });
          }}
          noValidate
          className="inline-form"
        >
          <PasswordField
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.field('password')}
            hint="To confirm it is you."
          />
          <div className="inline-form-actions">
            <button className="btn btn-primary" disabled={!password || start.isPending}>
              {start.isPending ? 'Starting…' : 'Set up two-factor'}
            </button>
          </div>
        </form>
        <FormError message={errors.general} />
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="two-factor-title" data-testid="two-factor-section">
      <div className="card-head">
        <h2 id="two-factor-title">
          <ShieldIcon /> Two-factor authentication
        </h2>
        <span className={me.user.twoFactorEnabled ? 'badge badge-success' : 'badge'}>{me.user.twoFactorEnabled ? 'On' : 'Off'}</span>
      </div>
      {body}
    </section>
  );
}
