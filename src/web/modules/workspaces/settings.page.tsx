import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { CopyButton } from '../../components/copy-button.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { roleLabel } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useToast } from '../../components/toast.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { useMembers } from '../members/members.api.ts';
import { AnalyticsSection } from '../analytics/analytics-section.tsx';
import { PostingTimesSection } from './posting-times.section.tsx';
import { PreflightSection } from './preflight.section.tsx';
import { MediaLibrarySection } from '../media-library/media-library.section.tsx';
import { ApprovalSettingsSection } from '../approvals/approval-settings.section.tsx';
import { ConfirmByTyping } from './confirm-by-typing.tsx';
import { hasPermission, useWorkspace } from './workspace-route.tsx';
import { useDeleteWorkspace, useRenameWorkspace, useTransferOwnership } from './workspaces.api.ts';

function GeneralSection({ workspace }: { workspace: MyWorkspace }) {
  const toast = useToast();
  const [name, setName] = useState(workspace.name);
  const rename = useRenameWorkspace(workspace.id);
  const errors = formErrors(rename.error, ['name']);
  const canRename = hasPermission(workspace, 'workspace.update');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate(name.trim(), { onSuccess: () => toast('Workspace renamed.') });
  };
  return (
    <section className="card" aria-labelledby="general-title">
      <div className="card-head">
        <h2 id="general-title">General</h2>
      </div>
      {canRename ? (
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label="Workspace name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
          <FormError message={errors.general} />
          <div className="form-actions">
            <button className="btn btn-primary" disabled={rename.isPending || !name.trim() || name.trim() === workspace.name}>
              {rename.isPending ? 'Saving…' : 'Save name'}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <strong>{workspace.name}</strong>
          <br />
          <span className="muted small">Only owners and admins can change workspace settings.</span>
        </p>
      )}
      <dl className="details">
        <div>
          <dt>Your role</dt>
          <dd>
            <span className={`badge role-${workspace.role}`}>{roleLabel(workspace.role)}</span>
          </dd>
        </div>
        <div>
          <dt>Workspace ID</dt>
          <dd className="copy-inline">
            <code>{workspace.id}</code>
            <CopyButton text={workspace.id} className="btn btn-ghost btn-sm" />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function TransferSection({ workspace }: { workspace: MyWorkspace }) {
  const toast = useToast();
  const members = useMembers(workspace.id);
  const [memberId, setMemberId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const transfer = useTransferOwnership(workspace.id);
  const candidates = (members.data?.items ?? []).filter((m) => m.role !== 'owner');
  const chosen = candidates.find((m) => m.id === memberId);
  return (
    <section className="card" aria-labelledby="transfer-title">
      <div className="card-head">
        <div>
          <h2 id="transfer-title">Transfer ownership</h2>
          <p className="muted small">The new owner gets every right, including deleting the workspace. You stay on as an admin.</p>
        </div>
      </div>
      {members.data && candidates.length === 0 ? (
        <p className="muted">Invite someone first: ownership can only go to a member of the workspace.</p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) setConfirming(true);
          }}
        >
          <SelectField label="New owner" value={memberId} onChange={(e) => setMemberId(e.target.value)} data-testid="transfer-member-select">
            <option value="">Choose a member…</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name || m.email} ({m.email})
              </option>
            ))}
          </SelectField>
          <div className="inline-form-actions">
            <button className="btn" disabled={!chosen}>
              Transfer ownership…
            </button>
          </div>
        </form>
      )}
      <ConfirmByTyping
        open={confirming}
        title={`Make ${chosen?.name || chosen?.email} the owner?`}
        phrase={workspace.name}
        confirmLabel="Transfer ownership"
        busy={transfer.isPending}
        error={formErrors(transfer.error, []).general}
        onClose={() => {
          setConfirming(false);
          transfer.reset();
        }}
        onConfirm={() =>
          transfer.mutate(memberId, {
            onSuccess: () => {
              setConfirming(false);
              toast('Ownership transferred. You are now an admin.');
            },
          })
        }
      >
        <p>
          You will become an admin of <strong>{workspace.name}</strong> and cannot undo this yourself: only the new owner can give ownership back.
        </p>
      </ConfirmByTyping>
    </section>
  );
}

function DeleteSection({ workspace }: { workspace: MyWorkspace }) {
  const toast = useToast();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteWorkspace(workspace.id);
  return (
    <section className="card card-danger" aria-labelledby="delete-title">
      <div className="card-head">
        <div>
          <h2 id="delete-title">Delete workspace</h2>
          <p className="muted small">Revokes Herald’s access at every connected network, then deletes the workspace, its channels, posts and memberships for every member. This cannot be undone.</p>
        </div>
        <button type="button" className="btn btn-danger-outline" data-testid="delete-workspace-button" onClick={() => setConfirming(true)}>
          Delete workspace…
        </button>
      </div>
      <ConfirmByTyping
        open={confirming}
        title={`Delete ${workspace.name}?`}
        phrase={workspace.name}
        confirmLabel="Delete workspace"
        busy={remove.isPending}
        error={formErrors(remove.error, []).general}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast('Workspace deleted.');
              navigate('/', { replace: true });
            },
          })
        }
      >
        <p>
          Every member loses access at once. Channels go with the workspace: disconnect them on the Channels page first, so that Herald’s access is also revoked at each network.
        </p>
      </ConfirmByTyping>
    </section>
  );
}

export function SettingsPage() {
  const workspace = useWorkspace();
  const isOwner = hasPermission(workspace, 'workspace.delete');
  return (
    <div className="page">
      <PageHeader title="Workspace settings" description={<>Settings of {workspace.name} apply to every member.</>} />
      <GeneralSection key={workspace.id + workspace.name} workspace={workspace} />
      <PostingTimesSection workspace={workspace} />
      <PreflightSection workspace={workspace} />
      <ApprovalSettingsSection workspace={workspace} />
      <AnalyticsSection workspace={workspace} />
      <MediaLibrarySection workspace={workspace} />
      {hasPermission(workspace, 'workspace.transfer') ? <TransferSection workspace={workspace} /> : null}
      {isOwner ? <DeleteSection workspace={workspace} /> : null}
    </div>
  );
}
