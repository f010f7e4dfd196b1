import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useSignedInUser } from '../auth/require-user.tsx';
import { useCreateWorkspace } from './workspaces.api.ts';

/** Onboarding when the user has no workspace yet, and "New workspace" otherwise. */
export function NewWorkspacePage() {
  const { t } = useTranslation('workspaces');
  const me = useSignedInUser();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [empty, setEmpty] = useState(false);
  const create = useCreateWorkspace();
  const errors = formErrors(create.error, ['name']);
  const first = me.workspaces.length === 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmpty(!name.trim());
    if (name.trim()) create.mutate(name.trim(), { onSuccess: (workspace) => navigate(`/w/${workspace.id}/getting-started`) });
  };
  return (
    <div className="page page-narrow">
      <section className="card onboarding" aria-labelledby="new-workspace-title">
        {first ? <p className="eyebrow">{me.user.name ? t('new.welcomeName', { name: me.user.name.split(' ')[0] }) : t('new.welcome')}</p> : null}
        <h1 id="new-workspace-title">{first ? t('new.firstTitle') : t('new.title')}</h1>
        <p className="muted">
          {t('new.intro')}
        </p>
        <form onSubmit={submit} noValidate>
          <Field
            label={t('new.name')}
            placeholder={t('new.namePlaceholder')}
            autoComplete="organization"
            autoFocus
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={empty ? t('new.nameRequired') : errors.field('name')}
          />
          <FormError message={errors.general} />
          <button className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? t('new.creating') : t('new.create')}
          </button>
        </form>
        {first ? (
          <p className="muted small onboarding-note">{t('new.waitingForInvitation')}</p>
        ) : null}
      </section>
    </div>
  );
}
