import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Checkbox, Field, SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey, type NewApiKey } from './api-keys.api.ts';
import './api-keys.css';

// The scopes a key may be given (the route's schema: never deleting or handing over a workspace).
type Scope = NewApiKey['scopes'][number];

// What each scope lets a key do, in the words of the permission table.
const scopeLabels: [Scope, string][] = [
  ['workspace.read', 'Read the workspace'],
  ['channels.read', 'Read channels'],
  ['posts.read', 'Read posts, comments and analytics'],
  ['posts.edit', 'Create and edit drafts, upload media'],
  ['posts.schedule', 'Schedule and publish posts'],
  ['posts.approve', 'Approve posts'],
  ['channels.manage', 'Connect channels, set posting times'],
  ['members.read', 'Read members'],
  ['members.manage', 'Invite and manage members'],
  ['settings.manage', 'Change settings, webhooks'],
  ['audit.read', 'Read the activity log'],
  ['workspace.update', 'Rename the workspace'],
];
const presets: { label: string; scopes: Scope[] }[] = [
  { label: 'Read only', scopes: ['workspace.read', 'channels.read', 'posts.read'] },
  { label: 'Write posts', scopes: ['workspace.read', 'channels.read', 'posts.read', 'posts.edit', 'posts.schedule'] },
];
const expiries = [
  { value: '', label: 'Never (until revoked)' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

const scopeLabel = (scope: ApiKey['scopes'][number]) => scopeLabels.find(([s]) => s === scope)?.[1] ?? scope;

function keyStatus(key: ApiKey): { label: string; className: string } {
  if (key.revokedAt) return { label: `Revoked ${relativeTime(key.revokedAt)}`, className: 'badge' };
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return { label: 'Expired', className: 'badge' };
  return { label: key.expiresAt ? `Expires ${relativeTime(key.expiresAt)}` : 'Active', className: 'badge badge-success' };
}

/**
 * API keys of a workspace (`allowed` = what the creator's role allows there) or the signed-in
 * person's own keys (workspaceId null, which work in each of their workspaces within their role).
 */
export function ApiKeysPanel({ workspaceId, allowed, title, intro }: { workspaceId: string | null; allowed: readonly string[] | null; title: string; intro: string }) {
  const toast = useToast();
  const keys = useApiKeys(workspaceId);
  const revoke = useRevokeApiKey(workspaceId);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const items = keys.data?.items ?? [];
  return (
    <section className="card" aria-labelledby={`keys-${workspaceId ?? 'personal'}`} data-testid="api-keys">
      <div className="card-head">
        <div>
          <h2 id={`keys-${workspaceId ?? 'personal'}`}>{title}</h2>
          <p className="muted small">{intro}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="api-key-new">
          New key…
        </button>
      </div>
      {keys.isPending ? (
        <Loading label="Loading keys…" />
      ) : items.length === 0 ? (
        <EmptyState title="No keys yet">Create a key for each script or automation, so you can revoke one without stopping the others.</EmptyState>
      ) : (
        <ul className="ak-list" aria-label={title}>
          {items.map((key) => {
            const status = keyStatus(key);
            const live = !key.revokedAt && !(key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now());
            return (
              <li key={key.id} className={live ? 'ak-item' : 'ak-item ak-item-off'} data-testid="api-key-row">
                <div className="ak-main">
                  <strong>{key.name}</strong> <code className="ak-prefix">{key.prefix}…</code> <span className={status.className}>{status.label}</span>
                  <p className="muted small ak-meta">
                    {key.scopes.map(scopeLabel).join(' · ')}
                    <br />
                    Created {formatDateTime(key.createdAt)}
                    {key.createdBy ? ` by ${key.createdBy.name}` : ''} ·{' '}
                    {key.lastUsedAt ? `last used ${relativeTime(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ''}` : 'never used'}
                  </p>
                </div>
                {!key.revokedAt ? (
                  <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {creating ? <CreateKeyDialog workspaceId={workspaceId} allowed={allowed} onClose={() => setCreating(false)} /> : null}
      {revoking ? (
        <Dialog open title={`Revoke ${revoking.name}?`} onClose={() => setRevoking(null)} testId="api-key-revoke-dialog">
          <p>Scripts using this key stop working at once. This cannot be undone; make a new key to give access again.</p>
          <FormError message={formErrors(revoke.error, []).general} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setRevoking(null)}>
              Keep it
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(revoking.id, {
                  onSuccess: () => {
                    toast(`${revoking.name} revoked.`);
                    setRevoking(null);
                  },
                })
              }
            >
              {revoke.isPending ? 'Revoking…' : 'Revoke key'}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function CreateKeyDialog({ workspaceId, allowed, onClose }: { workspaceId: string | null; allowed: readonly string[] | null; onClose: () => void }) {
  const create = useCreateApiKey(workspaceId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(presets[0]!.scopes);
  const [expiry, setExpiry] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const errors = formErrors(create.error, ['name', 'scopes', 'expiresAt']);
  const offered = scopeLabels.filter(([scope]) => !allowed || allowed.includes(scope));
  const toggle = (scope: Scope) => setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const expiresAt = expiry ? new Date(Date.now() + Number(expiry) * 86_400_000).toISOString() : null;
    create.mutate({ name: name.trim(), scopes, expiresAt }, { onSuccess: (created) => setKey(created.key) });
  };
  return (
    <Dialog open title={key ? 'Your new key' : 'New API key'} onClose={onClose} testId="api-key-dialog">
      {key ? (
        <div className="ak-ready">
          <p>Copy it now: Herald keeps only a fingerprint and cannot show it again.</p>
          <div className="ak-key-row">
            <code className="ak-key" data-testid="api-key-value">
              {key}
            </code>
            <CopyButton text={key} label="Copy key" />
          </div>
          <p className="muted small">
            Send it as <code>Authorization: Bearer …</code>. Tools made for Postiz (its CLI, n8n node) take it as their API key with Herald&apos;s address.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label="Name" hint="What uses it, e.g. “n8n calendar sync”" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={errors.field('name')} data-testid="api-key-name" />
          <fieldset className="ak-scopes">
            <legend>What it may do</legend>
            <div className="ak-presets">
              {presets.map((preset) => (
                <button key={preset.label} type="button" className="btn btn-small" onClick={() => setScopes(preset.scopes.filter((s) => !allowed || allowed.includes(s)))}>
                  {preset.label}
                </button>
              ))}
            </div>
            {offered.map(([scope, label]) => (
              <Checkbox
                key={scope}
                checked={scopes.includes(scope)}
                onChange={() => toggle(scope)}
                label={
                  <>
                    {label} <code className="muted small">{scope}</code>
                  </>
                }
              />
            ))}
            {errors.field('scopes') ? <p className="field-error">{errors.field('scopes')}</p> : null}
          </fieldset>
          <SelectField label="Expires" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {expiries.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
          <FormError message={errors.general ?? errors.field('expiresAt')} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button className="btn btn-primary" disabled={create.isPending || !name.trim() || scopes.length === 0} data-testid="api-key-create">
              {create.isPending ? 'Creating…' : 'Create key'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
