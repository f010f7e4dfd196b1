import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { roleDescriptions, type Role } from '../../../shared/permissions.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { roleLabel } from '../../components/format.ts';
import { useInstance } from '../auth/auth.api.ts';
import { useInvite, type InvitableRole } from './members.api.ts';

export function InviteForm({ workspaceId, roles: assignable, onClose }: { workspaceId: string; roles: Role[]; onClose: () => void }) {
  const { t } = useTranslation('members');
  const roles = assignable.filter((r): r is InvitableRole => r !== 'owner');
  const instance = useInstance();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>(roles.includes('editor') ? 'editor' : roles[0]!);
  const invite = useInvite(workspaceId);
  const errors = formErrors(invite.error, ['email', 'role']);
  const logOnly = instance.data?.mailTransport === 'log';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail('') });
  };

  return (
    <section className="card invite-card" aria-labelledby="invite-title">
      <div className="card-head">
        <h2 id="invite-title">{t('invite.title')}</h2>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
      {logOnly ? (
        <Notice tone="warn" title={t('invite.logOnly.title')}>
          {t('invite.logOnly.body')}
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate className="invite-form" data-testid="invite-form">
        <Field
          label={t('invite.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          placeholder={t('invite.emailPlaceholder')}
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.field('email')}
        />
        <SelectField
          label={t('invite.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as InvitableRole)}
          error={errors.field('role')}
          hint={roleDescriptions[role]}
          data-testid="invite-role-select"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <div className="invite-submit">
          <button className="btn btn-primary" disabled={invite.isPending || !email.trim()}>
            {invite.isPending ? t('invite.sending') : t('invite.send')}
          </button>
        </div>
      </form>
      <FormError message={errors.general} />
      {invite.data ? (
        <div className="invite-result">
          <Notice tone="success">
            <Trans
              t={t}
              i18nKey={logOnly ? 'invite.created' : 'invite.sent'}
              values={{ email: invite.data.email, role: roleLabel(invite.data.role).toLowerCase() }}
              components={{ strong: <strong /> }}
            />
          </Notice>
          <label htmlFor="invitation-link" className="label">
            {t('invite.link')}
          </label>
          <div className="copy-row">
            <input id="invitation-link" data-testid="invitation-link" readOnly value={invite.data.link} onFocus={(e) => e.target.select()} />
            <CopyButton text={invite.data.link} testId="copy-invitation-link" />
          </div>
        </div>
      ) : null}
    </section>
  );
}
