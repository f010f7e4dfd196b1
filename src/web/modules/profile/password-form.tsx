import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/feedback.tsx';
import { Checkbox, PasswordField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useToast } from '../../components/toast.tsx';
import { usePasswordMinLength } from '../auth/auth.api.ts';
import { StrengthMeter } from '../auth/password-strength.tsx';
import { useChangePassword } from './profile.api.ts';

export function PasswordForm() {
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
          toast(revokeOtherSessions ? 'Password changed. Your other devices were signed out.' : 'Password changed.');
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="password-title">
      <div className="card-head">
        <h2 id="password-title">Change password</h2>
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.field('currentPassword')}
        />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={tooShort ? `Use at least ${minLength} characters.` : errors.field('newPassword')}
          hint={<StrengthMeter password={newPassword} minLength={minLength} />}
        />
        <Checkbox label="Also sign out everywhere else" checked={revokeOtherSessions} onChange={(e) => setRevoke(e.target.checked)} />
        <FormError message={errors.general} />
        <div className="form-actions">
          <button className="btn btn-primary" disabled={change.isPending || !currentPassword || !newPassword}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
