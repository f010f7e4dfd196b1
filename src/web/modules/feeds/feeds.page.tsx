import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Checkbox, Field, SelectField } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { useChannels, type Channel } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useCheckFeed, useCreateFeed, useDeleteFeed, useFeed, useFeeds, useUpdateFeed, type CheckAnswer, type Feed } from './feeds.api.ts';
import './feeds.css';

const FIELDS = ['name', 'url', 'channelIds', 'mode', 'template', 'intervalMinutes'] as const;
const channelName = (c: Channel) => c.displayName ?? c.username ?? c.network;

/** What a check did, in one sentence for the toast. */
function checkSummary({ outcome }: CheckAnswer, t: TFunction<'feeds'>): string {
  if (outcome.status === 'failed') return t('check.failed', { error: outcome.error });
  if (outcome.status === 'unchanged') return t('check.unchanged');
  const parts = [
    outcome.queued ? t('check.queued', { count: outcome.queued }) : '',
    outcome.drafts ? t('check.drafts', { count: outcome.drafts }) : '',
    outcome.skipped ? t('check.skipped', { count: outcome.skipped }) : '',
  ].filter(Boolean);
  return parts.length ? t('check.done', { parts: parts.join(t('check.separator')) }) : t('check.nothing');
}

/** RSS, Atom and JSON feeds whose new items become drafts or queued posts. */
export function FeedsPage() {
  const { t } = useTranslation('feeds');
  const workspace = useWorkspace();
  const toast = useToast();
  const feeds = useFeeds(workspace.id);
  const check = useCheckFeed(workspace.id);
  const update = useUpdateFeed(workspace.id);
  const channels = useChannels(workspace.id).data?.items ?? [];
  const canEdit = hasPermission(workspace, 'posts.edit');
  const [editing, setEditing] = useState<Feed | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Feed | null>(null);
  const [itemsOf, setItemsOf] = useState<Feed | null>(null);
  const items = feeds.data?.feeds ?? [];
  const error = formErrors(feeds.error ?? check.error ?? update.error, []).general;

  return (
    <div className="page">
      <PageHeader
        title={t('page.title')}
        description={t('page.description', { count: 3 })}
        actions={
          canEdit ? (
            <button type="button" className="btn btn-primary" data-testid="feed-add" onClick={() => setEditing('new')}>
              {t('page.add')}
            </button>
          ) : null
        }
      />
      <FormError message={error} />
      {feeds.isPending ? (
        <Loading label={t('page.loading')} />
      ) : items.length === 0 ? (
        <section className="card">
          <EmptyState title={t('empty.title')}>{canEdit ? t('empty.editor') : t('empty.viewer')}</EmptyState>
        </section>
      ) : (
        <ul className="rows card feed-list" aria-label={t('page.title')} data-testid="feed-list">
          {items.map((feed) => (
            <li key={feed.id} className={feed.enabled ? 'row feed-row' : 'row feed-row row-muted'} data-testid="feed-row">
              <div className="row-main">
                <div className="row-title">{feed.name}</div>
                <div className="feed-url">{feed.url}</div>
                <div className="row-sub">
                  {feed.enabled ? <span className="badge badge-success">{t('list.on')}</span> : <span className="badge feed-off">{t('list.off')}</span>}{' '}
                  {t(feed.mode === 'queue' ? 'list.queue' : 'list.drafts', {
                    channels:
                      feed.channelIds
                        .map((id) => channels.find((c) => c.id === id))
                        .filter(Boolean)
                        .map((c) => channelName(c!))
                        .join(', ') || t('list.channelCount', { count: feed.channelIds.length }),
                  })}
                  {' · '}
                  {t('list.every', { count: feed.intervalMinutes })}
                </div>
                <div className="row-sub" data-testid="feed-status">
                  {feed.lastCheckedAt ? t('list.checked', { when: relativeTime(feed.lastCheckedAt) }) : t('list.notChecked')}
                  {feed.lastNewItemAt ? t('list.lastNewItem', { when: relativeTime(feed.lastNewItemAt) }) : null}
                </div>
                {feed.lastError ? (
                  <p className="feed-error" role="status" data-testid="feed-error">
                    {feed.lastError}
                  </p>
                ) : null}
              </div>
              <div className="feed-actions">
                {canEdit ? (
                  <button
                    type="button"
                    className="btn btn-sm"
                    data-testid="feed-check"
                    disabled={check.isPending}
                    onClick={() => check.mutate(feed.id, { onSuccess: (answer) => toast(checkSummary(answer, t)) })}
                  >
                    {check.isPending && check.variables === feed.id ? t('list.checking') : t('list.checkNow')}
                  </button>
                ) : null}
                <button type="button" className="btn btn-sm" data-testid="feed-items" onClick={() => setItemsOf(feed)}>
                  {t('list.items')}
                </button>
                {canEdit ? (
                  <>
                    <button type="button" className="btn btn-sm" data-testid="feed-edit" onClick={() => setEditing(feed)}>
                      {t('list.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ feedId: feed.id, enabled: !feed.enabled }, { onSuccess: (d) => toast(d.enabled ? t('list.turnedOn') : t('list.turnedOff')) })}
                    >
                      {feed.enabled ? t('list.turnOff') : t('list.turnOn')}
                    </button>
                    <button type="button" className="btn btn-sm btn-danger-outline" data-testid="feed-delete" onClick={() => setDeleting(feed)}>
                      {t('list.delete')}
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} title={editing && editing !== 'new' ? t('form.editTitle') : t('page.add')} onClose={() => setEditing(null)} testId="feed-dialog">
        {editing ? <FeedForm key={editing === 'new' ? 'new' : editing.id} workspace={workspace} channels={channels} existing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Dialog>
      <DeleteDialog workspaceId={workspace.id} feed={deleting} onClose={() => setDeleting(null)} />
      {itemsOf ? <ItemsDialog workspace={workspace} feed={itemsOf} onClose={() => setItemsOf(null)} /> : null}
    </div>
  );
}

function FeedForm({ workspace, channels, existing, onDone }: { workspace: MyWorkspace; channels: Channel[]; existing: Feed | null; onDone: () => void }) {
  const { t } = useTranslation('feeds');
  const toast = useToast();
  const create = useCreateFeed(workspace.id);
  const update = useUpdateFeed(workspace.id);
  const usable = channels.filter((c) => c.status !== 'disconnected');
  const [name, setName] = useState(existing?.name ?? '');
  const [url, setUrl] = useState(existing?.url ?? '');
  const [channelIds, setChannelIds] = useState<string[]>(existing?.channelIds ?? (usable.length === 1 ? [usable[0]!.id] : []));
  const [mode, setMode] = useState<'draft' | 'queue'>(existing?.mode ?? 'draft');
  const [template, setTemplate] = useState(existing?.template ?? '{title} {link}');
  const [interval, setInterval] = useState(String(existing?.intervalMinutes ?? 60));
  const [enabled, setEnabled] = useState(existing?.enabled ?? true);
  const failure = create.error ?? update.error;
  const errors = formErrors(failure, FIELDS);
  // Errors the service finds (an unknown channel, a private address) name their field in details.
  const serviceField = failure instanceof ApiError && typeof failure.details.field === 'string' ? failure.details.field.split('.')[0] : undefined;
  const fieldError = (field: (typeof FIELDS)[number]) => errors.field(field) ?? (serviceField === field ? failure!.message : undefined);
  const general = serviceField && (FIELDS as readonly string[]).includes(serviceField) ? undefined : errors.general;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { name: name.trim(), url: url.trim(), channelIds, mode, template, intervalMinutes: Number(interval), enabled };
    if (existing) update.mutate({ feedId: existing.id, ...input }, { onSuccess: () => (toast(t('form.saved')), onDone()) });
    else create.mutate(input, { onSuccess: () => (toast(t('form.added')), onDone()) });
  };
  const toggle = (id: string, on: boolean) => setChannelIds(on ? [...channelIds, id] : channelIds.filter((c) => c !== id));

  return (
    <form onSubmit={submit} noValidate className="feed-form">
      <Field label={t('form.name')} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} data-testid="feed-name" />
      <Field
        label={t('form.url')}
        type="url"
        inputMode="url"
        required
        placeholder="https://example.com/feed.xml"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={fieldError('url')}
        hint={t('form.urlHint')}
        data-testid="feed-url"
      />
      <fieldset className="feed-channels" aria-describedby={fieldError('channelIds') ? 'feed-channels-error' : undefined}>
        <legend>{t('form.channels')}</legend>
        {usable.length ? (
          usable.map((c) => <Checkbox key={c.id} checked={channelIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} label={`${channelName(c)} (${c.network})`} data-testid={`feed-channel-${c.id}`} />)
        ) : (
          <p className="muted small">
            <Trans t={t} i18nKey="form.noChannels" components={{ connect: <Link to={`/w/${workspace.id}/channels`} /> }} />
          </p>
        )}
        {fieldError('channelIds') ? (
          <p className="field-error" id="feed-channels-error" role="alert">
            {fieldError('channelIds')}
          </p>
        ) : null}
      </fieldset>
      <SelectField label={t('form.mode')} value={mode} onChange={(e) => setMode(e.target.value as 'draft' | 'queue')} error={fieldError('mode')} data-testid="feed-mode">
        <option value="draft">{t('form.modes.draft')}</option>
        <option value="queue">{t('form.modes.queue')}</option>
      </SelectField>
      <div className={fieldError('template') ? 'field has-error' : 'field'}>
        <label htmlFor="feed-template">{t('form.template')}</label>
        <textarea
          id="feed-template"
          rows={3}
          maxLength={2000}
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
          aria-invalid={fieldError('template') ? true : undefined}
          aria-describedby="feed-template-hint"
          data-testid="feed-template"
        />
        <div className="field-hint" id="feed-template-hint">
          <Trans t={t} i18nKey="form.templateHint" values={{ title: '{title}', link: '{link}', summary: '{summary}' }} components={{ code: <code /> }} />
        </div>
        {fieldError('template') ? (
          <p className="field-error" role="alert">
            {fieldError('template')}
          </p>
        ) : null}
      </div>
      <Field label={t('form.interval')} type="number" min={15} max={1440} step={5} required value={interval} onChange={(e) => setInterval(e.target.value)} error={fieldError('intervalMinutes')} hint={t('form.intervalHint', { count: 15 })} data-testid="feed-interval" />
      <Checkbox checked={enabled} onChange={(e) => setEnabled(e.target.checked)} label={t('form.enabled')} />
      <FormError message={general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('actions.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || update.isPending} data-testid="feed-save">
          {existing ? t('actions.save') : t('page.add')}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({ workspaceId, feed, onClose }: { workspaceId: string; feed: Feed | null; onClose: () => void }) {
  const { t } = useTranslation('feeds');
  const toast = useToast();
  const remove = useDeleteFeed(workspaceId);
  return (
    <Dialog open={feed !== null} title={t('delete.title')} onClose={onClose} testId="feed-delete-dialog">
      <p>{t('delete.body', { name: feed?.name ?? '' })}</p>
      <FormError message={formErrors(remove.error, []).general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="btn btn-danger" data-testid="feed-delete-confirm" disabled={remove.isPending} onClick={() => feed && remove.mutate(feed.id, { onSuccess: () => (toast(t('delete.done')), onClose()) })}>
          {t('delete.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

function ItemsDialog({ workspace, feed, onClose }: { workspace: MyWorkspace; feed: Feed; onClose: () => void }) {
  const { t } = useTranslation('feeds');
  const detail = useFeed(workspace.id, feed.id);
  const items = detail.data?.items ?? [];
  return (
    <Dialog open title={t('items.title', { name: feed.name })} onClose={onClose} wide testId="feed-items-dialog">
      {detail.isPending ? (
        <Loading label={t('items.loading')} />
      ) : items.length === 0 ? (
        <p className="muted">{t('items.empty')}</p>
      ) : (
        <ul className="rows feed-items">
          {items.map((item) => (
            <li key={item.id} className="row">
              <div className="row-main">
                <div className="row-title">{item.link ? <a href={item.link} target="_blank" rel="noopener noreferrer">{item.title || item.link}</a> : item.title || t('items.untitled')}</div>
                <div className="row-sub">
                  <span className={item.outcome === 'queued' || item.outcome === 'draft' ? 'badge badge-success' : 'badge'}>{t(`items.outcomes.${item.outcome}`)}</span>{' '}
                  {item.publishedAt ? t('items.publishedSeen', { date: formatDateTime(item.publishedAt), when: relativeTime(item.createdAt) }) : t('items.seen', { when: relativeTime(item.createdAt) })}
                  {item.postGroupId ? (
                    <>
                      {' · '}
                      <Link to={`/w/${workspace.id}/posts/${item.postGroupId}`}>{t('items.openPost')}</Link>
                    </>
                  ) : null}
                </div>
                {item.reason ? <div className="row-note">{item.reason}</div> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
