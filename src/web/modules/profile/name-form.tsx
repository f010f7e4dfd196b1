import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useUpdateName } from './profile.api.ts';

export function NameForm({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
  const toast = useToast();
  const [name, setName] = useState(me.user.name);
  const [empty, setEmpty] = useState(false);
  const save = useUpdateName();
  const errors = formErrors(save.error, ['name']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmpty(!name.trim());
    if (name.trim()) save.mutate(name.trim(), { onSuccess: () => toast(t('details.saved')) });
  };
  return (
    <section className="card" aria-labelledby="details-title">
      <div className="card-head">
        <div>
          <h2 id="details-title">{t('details.title')}</h2>
          <p className="muted small">
            {t('details.memberSince', { date: formatDate(me.user.createdAt) })}
            {me.user.isOperator ? t('details.operator') : ''}
          </p>
        </div>
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label={t('details.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={empty ? t('details.nameRequired') : errors.field('name')} />
        <FormError message={errors.general} />
        <div className="form-actions">
          <button className="btn btn-primary" disabled={save.isPending || name.trim() === me.user.name}>
            {save.isPending ? t('details.saving') : t('details.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
