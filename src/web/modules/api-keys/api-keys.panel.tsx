import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
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

// The scopes a key may be given, in the order of the permission table; each is said by `scopes.<scope>`.
const offeredScopes: Scope[] = [
  'workspace.read',
  'channels.read',
  'posts.read',
  'posts.edit',
  'posts.schedule',
  'posts.approve',
  'channels.manage',
  'members.read',
  'members.manage',
  'settings.manage',
  'audit.read',
  'workspace.update',
];
const presets: { id: 'readOnly' | 'writePosts'; scopes: Scope[] }[] = [
  { id: 'readOnly', scopes: ['workspace.read', 'channels.read', 'posts.read'] },
  { id: 'writePosts', scopes: ['workspace.read', 'channels.read', 'posts.read', 'posts.edit', 'posts.schedule'] },
];
const expiries = [
  { value: '', label: 'never' },
  { value: '30', label: 'in30' },
  { value: '90', label: 'in90' },
  { value: '365', label: 'inYear' },
] as const;

const scopeLabel = (scope: ApiKey['scopes'][number], t: TFunction<'api-keys'>) => ((offeredScopes as string[]).includes(scope) ? t(`scopes.${scope}`) : scope);

function keyStatus(key: ApiKey, t: TFunction<'api-keys'>): { label: string; className: string } {
  if (key.revokedAt) return { label: t('status.revoked', { when: relativeTime(key.revokedAt) }), className: 'badge' };
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return { label: t('status.expired'), className: 'badge' };
  return { label: key.expiresAt ? t('status.expires', { when: relativeTime(key.expiresAt) }) : t('status.active'), className: 'badge badge-success' };
}

/**
 * API keys of a workspace (`allowed` = what the creator's role allows there) or the signed-in
 * person's own keys (workspaceId null, which work in each of their workspaces within their role).
 */
export function ApiKeysPanel({ workspaceId, allowed, title, intro }: { workspaceId: string | null; allowed: readonly string[] | null; title: string; intro: string }) {
  const { t } = useTranslation('api-keys');
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
          {t('panel.new')}
        </button>
      </div>
      {keys.isPending ? (
        <Loading label={t('panel.loading')} />
      ) : items.length === 0 ? (
        <EmptyState title={t('panel.emptyTitle')}>{t('panel.emptyBody')}</EmptyState>
      ) : (
        <ul className="ak-list" aria-label={title}>
          {items.map((key) => {
            const status = keyStatus(key, t);
            const live = !key.revokedAt && !(key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now());
            return (
              <li key={key.id} className={live ? 'ak-item' : 'ak-item ak-item-off'} data-testid="api-key-row">
                <div className="ak-main">
                  <strong>{key.name}</strong> <code className="ak-prefix">{key.prefix}…</code> <span className={status.className}>{status.label}</span>
                  <p className="muted small ak-meta">
                    {key.scopes.map((scope) => scopeLabel(scope, t)).join(' · ')}
                    <br />
                    {key.createdBy ? t('panel.createdBy', { date: formatDateTime(key.createdAt), name: key.createdBy.name }) : t('panel.created', { date: formatDateTime(key.createdAt) })} ·{' '}
                    {key.lastUsedAt
                      ? key.lastUsedIp
                        ? t('panel.lastUsedFrom', { when: relativeTime(key.lastUsedAt), ip: key.lastUsedIp })
                        : t('panel.lastUsed', { when: relativeTime(key.lastUsedAt) })
                      : t('panel.neverUsed')}
                  </p>
                </div>
                {!key.revokedAt ? (
                  <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRevoking(key)} aria-label={t('panel.revokeNamed', { name: key.name })}>
                    {t('panel.revoke')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {creating ? <CreateKeyDialog workspaceId={workspaceId} allowed={allowed} onClose={() => setCreating(false)} /> : null}
      {revoking ? (
        <Dialog open title={t('revoke.title', { name: revoking.name })} onClose={() => setRevoking(null)} testId="api-key-revoke-dialog">
          <p>{t('revoke.body')}</p>
          <FormError message={formErrors(revoke.error, []).general} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setRevoking(null)}>
              {t('revoke.keep')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(revoking.id, {
                  onSuccess: () => {
                    toast(t('revoke.done', { name: revoking.name }));
                    setRevoking(null);
                  },
                })
              }
            >
              {revoke.isPending ? t('revoke.revoking') : t('revoke.confirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function CreateKeyDialog({ workspaceId, allowed, onClose }: { workspaceId: string | null; allowed: readonly string[] | null; onClose: () => void }) {
  const { t } = useTranslation('api-keys');
  const create = useCreateApiKey(workspaceId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(presets[0]!.scopes);
  const [expiry, setExpiry] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const errors = formErrors(create.error, ['name', 'scopes', 'expiresAt']);
  const offered = offeredScopes.filter((scope) => !allowed || allowed.includes(scope));
  const toggle = (scope: Scope) => setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const expiresAt = expiry ? new Date(Date.now() + Number(expiry) * 86_400_000).toISOString() : null;
    create.mutate({ name: name.trim(), scopes, expiresAt }, { onSuccess: (created) => setKey(created.key) });
  };
  return (
    <Dialog open title={key ? t('create.readyTitle') : t('create.title')} onClose={onClose} testId="api-key-dialog">
      {key ? (
        <div className="ak-ready">
          <p>{t('create.copyNow')}</p>
          <div className="ak-key-row">
            <code className="ak-key" data-testid="api-key-value">
              {key}
            </code>
            <CopyButton text={key} label={t('create.copy')} />
          </div>
          <p className="muted small">
            <Trans t={t} i18nKey="create.howTo" components={{ code: <code /> }} />
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('create.done')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('create.name')} hint={t('create.nameHint')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={errors.field('name')} data-testid="api-key-name" />
          <fieldset className="ak-scopes">
            <legend>{t('create.scopes')}</legend>
            <div className="ak-presets">
              {presets.map((preset) => (
                <button key={preset.id} type="button" className="btn btn-small" onClick={() => setScopes(preset.scopes.filter((s) => !allowed || allowed.includes(s)))}>
                  {t(`presets.${preset.id}`)}
                </button>
              ))}
            </div>
            {offered.map((scope) => (
              <Checkbox
                key={scope}
                checked={scopes.includes(scope)}
                onChange={() => toggle(scope)}
                label={
                  <>
                    {t(`scopes.${scope}`)} <code className="muted small">{scope}</code>
                  </>
                }
              />
            ))}
            {errors.field('scopes') ? <p className="field-error">{errors.field('scopes')}</p> : null}
          </fieldset>
          <SelectField label={t('create.expires')} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {expiries.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`expiries.${option.label}`)}
              </option>
            ))}
          </SelectField>
          <FormError message={errors.general ?? errors.field('expiresAt')} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('create.cancel')}
            </button>
            <button className="btn btn-primary" disabled={create.isPending || !name.trim() || scopes.length === 0} data-testid="api-key-create">
              {create.isPending ? t('create.creating') : t('create.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
