import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/feedback.tsx';
import { Checkbox, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useToast } from '../../components/toast.tsx';
import { usePasswordMinLength } from '../auth/auth.api.ts';
import { StrengthMeter } from '../auth/password-strength.tsx';
import { useChangePassword } from './profile.api.ts';

export function PasswordForm() {
  const { t } = useTranslation('profile');
  const toast = useToast();
  const minLength = usePasswordMinLength();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [revokeOtherSessions, setRevoke] = useState(true);
  const [tooShort, setTooShort] = useState(false);
  const change = useChangePassword();
  const errors = formErrors(change.error, ['currentPassword', 'newPassword']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTooShort(newPassword.length < minLength);
    if (newPassword.length < minLength) return;
    change.mutate(
      { currentPassword, newPassword, revokeOtherSessions },
      {
        onSuccess: () => {
          toast(revokeOtherSessions ? t('password.changedSignedOut') : t('password.changed'));
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="password-title">
      <div className="card-head">
        <h2 id="password-title">{t('password.title')}</h2>
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.field('currentPassword')}
        />
        <PasswordField
          label={t('password.new')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={tooShort ? t('password.tooShort', { count: minLength }) : errors.field('newPassword')}
          hint={<StrengthMeter password={newPassword} minLength={minLength} />}
        />
        <Checkbox label={t('password.signOutOthers')} checked={revokeOtherSessions} onChange={(e) => setRevoke(e.target.checked)} />
        <FormError message={errors.general} />
        <div className="form-actions">
          <button className="btn btn-primary" disabled={change.isPending || !currentPassword || !newPassword}>
            {change.isPending ? t('password.changing') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
