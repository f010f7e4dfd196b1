import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useUpdateName } from './profile.api.ts';

export function NameForm({ me }: { me: Me }) {
  const toast = useToast();
  const [name, setName] = useState(me.user.name);
  const [empty, setEmpty] = useState(false);
  const save = useUpdateName();
  const errors = formErrors(save.error, ['name']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmpty(!name.trim());
    if (name.trim()) save.mutate(name.trim(), { onSuccess: () => toast('Name saved.') });
  };
  return (
    <section className="card" aria-labelledby="details-title">
      <div className="card-head">
        <div>
          <h2 id="details-title">Your details</h2>
          <p className="muted small">
            Member since {formatDate(me.user.createdAt)}
            {me.user.isOperator ? ' · operator of this Herald' : ''}
          </p>
        </div>
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={empty ? 'Enter your name.' : errors.field('name')} />
        <FormError message={errors.general} />
        <div className="form-actions">
          <button className="btn btn-primary" disabled={save.isPending || name.trim() === me.user.name}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </section>
  );
}
