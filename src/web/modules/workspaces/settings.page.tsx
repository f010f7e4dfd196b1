import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
import { useDeleteWorkspace, useRenameWorkspace, useSetWorkspaceLanguage, useTransferOwnership } from './workspaces.api.ts';
import { supportedLanguages, type Language } from '../../i18n/languages.ts';

/** Each language is named in itself. */
const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

function GeneralSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('workspaces');
  const toast = useToast();
  const setLanguage = useSetWorkspaceLanguage(workspace.id);
  const languageErrors = formErrors(setLanguage.error, ['language']);
  const [name, setName] = useState(workspace.name);
  const rename = useRenameWorkspace(workspace.id);
  const errors = formErrors(rename.error, ['name']);
  const canRename = hasPermission(workspace, 'workspace.update');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate(name.trim(), { onSuccess: () => toast(t('general.renamed')) });
  };
  return (
    <section className="card" aria-labelledby="general-title">
      <div className="card-head">
        <h2 id="general-title">{t('general.title')}</h2>
      </div>
      {canRename ? (
        <form onSubmit={submit} noValidate className="form-grid">
          <Field label={t('general.name')} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
          <FormError message={errors.general} />
          <div className="form-actions">
            <button className="btn btn-primary" disabled={rename.isPending || !name.trim() || name.trim() === workspace.name}>
              {rename.isPending ? t('general.saving') : t('general.saveName')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <strong>{workspace.name}</strong>
          <br />
          <span className="muted small">{t('general.readOnly')}</span>
        </p>
      )}
      <div className="form-grid">
        <SelectField
          label={t('general.clientLanguage')}
          hint={t('general.clientLanguageHint')}
          value={workspace.language}
          disabled={!canRename || setLanguage.isPending}
          onChange={(e) => setLanguage.mutate(e.target.value as Language, { onSuccess: () => toast(t('general.clientLanguageSaved')) })}
          error={languageErrors.field('language')}
          data-testid="workspace-language-select"
        >
          {supportedLanguages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </SelectField>
        <FormError message={languageErrors.general} />
      </div>
      <dl className="details">
        <div>
          <dt>{t('general.yourRole')}</dt>
          <dd>
            <span className={`badge role-${workspace.role}`}>{roleLabel(workspace.role)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('general.workspaceId')}</dt>
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
  const { t } = useTranslation('workspaces');
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
          <h2 id="transfer-title">{t('transfer.title')}</h2>
          <p className="muted small">{t('transfer.description')}</p>
        </div>
      </div>
      {members.data && candidates.length === 0 ? (
        <p className="muted">{t('transfer.noCandidates')}</p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) setConfirming(true);
          }}
        >
          <SelectField label={t('transfer.newOwner')} value={memberId} onChange={(e) => setMemberId(e.target.value)} data-testid="transfer-member-select">
            <option value="">{t('transfer.choose')}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name || m.email} ({m.email})
              </option>
            ))}
          </SelectField>
          <div className="inline-form-actions">
            <button className="btn" disabled={!chosen}>
              {t('transfer.button')}
            </button>
          </div>
        </form>
      )}
      <ConfirmByTyping
        open={confirming}
        title={t('transfer.confirmTitle', { name: chosen?.name || chosen?.email })}
        phrase={workspace.name}
        confirmLabel={t('transfer.confirm')}
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
              toast(t('transfer.done'));
            },
          })
        }
      >
        <p>
          <Trans t={t} i18nKey="transfer.warning" values={{ workspace: workspace.name }} components={{ strong: <strong /> }} />
        </p>
      </ConfirmByTyping>
    </section>
  );
}

function DeleteSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('workspaces');
  const toast = useToast();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteWorkspace(workspace.id);
  return (
    <section className="card card-danger" aria-labelledby="delete-title">
      <div className="card-head">
        <div>
          <h2 id="delete-title">{t('delete.title')}</h2>
          <p className="muted small">{t('delete.description')}</p>
        </div>
        <button type="button" className="btn btn-danger-outline" data-testid="delete-workspace-button" onClick={() => setConfirming(true)}>
          {t('delete.button')}
        </button>
      </div>
      <ConfirmByTyping
        open={confirming}
        title={t('delete.confirmTitle', { workspace: workspace.name })}
        phrase={workspace.name}
        confirmLabel={t('delete.confirm')}
        busy={remove.isPending}
        error={formErrors(remove.error, []).general}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast(t('delete.done'));
              navigate('/', { replace: true });
            },
          })
        }
      >
        <p>{t('delete.warning')}</p>
      </ConfirmByTyping>
    </section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('workspaces');
  const workspace = useWorkspace();
  const isOwner = hasPermission(workspace, 'workspace.delete');
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} description={t('settings.description', { workspace: workspace.name })} />
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
