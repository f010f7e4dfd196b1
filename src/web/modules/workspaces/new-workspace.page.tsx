import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useSignedInUser } from '../auth/require-user.tsx';
import { useCreateWorkspace } from './workspaces.api.ts';

/** Onboarding when the user has no workspace yet, and "New workspace" otherwise. */
export function NewWorkspacePage() {
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
        {first ? <p className="eyebrow">Welcome{me.user.name ? `, ${me.user.name.split(' ')[0]}` : ''}</p> : null}
        <h1 id="new-workspace-title">{first ? 'Create your first workspace' : 'New workspace'}</h1>
        <p className="muted">
          A workspace holds one brand’s channels, posts and team. Agencies usually make one per client; you can add more at any time and switch between them in the sidebar.
        </p>
        <form onSubmit={submit} noValidate>
          <Field
            label="Workspace name"
            placeholder="e.g. Acme Coffee"
            autoComplete="organization"
            autoFocus
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={empty ? 'Give the workspace a name.' : errors.field('name')}
          />
          <FormError message={errors.general} />
          <button className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create workspace'}
          </button>
        </form>
        {first ? (
          <p className="muted small onboarding-note">Waiting for an invitation instead? Open the link from the e-mail; the workspace appears here once you accept.</p>
        ) : null}
      </section>
    </div>
  );
}
