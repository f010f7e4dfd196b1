import { useEffect, useState, type FormEvent } from 'react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { ShieldIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import type { Me } from '../auth/auth.api.ts';
import { BackupCodes } from './backup-codes.tsx';
import { useConfirmTwoFactor, useDisableTwoFactor, useNewBackupCodes, useStartTwoFactor, type TwoFactorSetup } from './profile.api.ts';

function SetupSteps({ setup, onDone, onCancel }: { setup: TwoFactorSetup; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('profile');
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
        <h3>{t('twoFactor.scanTitle')}</h3>
        <p className="muted small">{t('twoFactor.scanApps')}</p>
        <div className="qr-row">
          {qr ? <img src={qr} alt={t('twoFactor.qrAlt')} width={192} height={192} className="qr" /> : <div className="qr qr-placeholder" />}
          <div className="small">
            <p>{t('twoFactor.cannotScan')}</p>
            <code className="secret" data-testid="totp-secret">
              {secret}
            </code>
          </div>
        </div>
      </li>
      <li>
        <h3>{t('twoFactor.backupTitle')}</h3>
        <p className="muted small">{t('twoFactor.backupText')}</p>
        <BackupCodes codes={setup.backupCodes} />
      </li>
      <li>
        <h3>{t('twoFactor.enterTitle')}</h3>
        <form onSubmit={submit} noValidate className="inline-form">
          <Field
            label={t('twoFactor.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.field('code')}
          />
          <div className="inline-form-actions">
            <button className="btn btn-primary" disabled={!code.trim() || confirm.isPending}>
              {confirm.isPending ? t('twoFactor.checking') : t('twoFactor.turnOn')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </button>
          </div>
        </form>
        <FormError message={errors.general} />
      </li>
    </ol>
  );
}

function EnabledState() {
  const { t } = useTranslation('profile');
  const toast = useToast();
  const [password, setPassword] = useState('');
  const disable = useDisableTwoFactor();
  const newCodes = useNewBackupCodes();
  const errors = formErrors(disable.error ?? newCodes.error, ['password']);
  return (
    <>
      <Notice tone="success">{t('twoFactor.enabled')}</Notice>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          disable.mutate(password, { onSuccess: () => toast(t('twoFactor.turnedOff')) });
        }}
        noValidate
        className="inline-form"
      >
        <PasswordField
          label={t('twoFactor.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.field('password')}
          hint={t('twoFactor.settingsHint')}
        />
        <div className="inline-form-actions">
          <button type="button" className="btn" disabled={!password || newCodes.isPending} onClick={() => newCodes.mutate(password, { onSuccess: () => setPassword('') })}>
            {t('twoFactor.newCodes')}
          </button>
          <button className="btn btn-danger-outline" disabled={!password || disable.isPending}>
            {t('twoFactor.turnOff')}
          </button>
        </div>
      </form>
      <FormError message={errors.general} />
      {newCodes.data ? (
        <div className="stack-sm">
          <Notice tone="warn">{t('twoFactor.oldCodes')}</Notice>
          <BackupCodes codes={newCodes.data.backupCodes} />
        </div>
      ) : null}
    </>
  );
}

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
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
          toast(t('twoFactor.turnedOn'));
        }}
      />
    );
  } else if (me.user.twoFactorEnabled) {
    body = <EnabledState />;
  } else {
    body = (
      <>
        <p className="muted small">{t('twoFactor.intro')}</p>
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
            label={t('twoFactor.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.field('password')}
            hint={t('twoFactor.confirmHint')}
          />
          <div className="inline-form-actions">
            <button className="btn btn-primary" disabled={!password || start.isPending}>
              {start.isPending ? t('twoFactor.starting') : t('twoFactor.setUp')}
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
          <ShieldIcon /> {t('twoFactor.title')}
        </h2>
        <span className={me.user.twoFactorEnabled ? 'badge badge-success' : 'badge'}>{me.user.twoFactorEnabled ? t('twoFactor.on') : t('twoFactor.off')}</span>
      </div>
      {body}
    </section>
  );
}
