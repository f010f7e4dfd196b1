import { useState, type FormEvent } from 'react';
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
const outcomeLabel = { queued: 'Queued', draft: 'Draft', skipped: 'Skipped', seen: 'Already there', pending: 'Working' } as const;
const channelName = (c: Channel) => c.displayName ?? c.username ?? c.network;

/** What a check did, in one sentence for the toast. */
function checkSummary({ outcome }: CheckAnswer): string {
  if (outcome.status === 'failed') return `Check failed: ${outcome.error}`;
  if (outcome.status === 'unchanged') return 'Nothing new: the feed has not changed since the last check.';
  const parts = [outcome.queued ? `${outcome.queued} queued` : '', outcome.drafts ? `${outcome.drafts} new draft${outcome.drafts === 1 ? '' : 's'}` : '', outcome.skipped ? `${outcome.skipped} skipped` : ''].filter(Boolean);
  return parts.length ? `Checked: ${parts.join(', ')}.` : 'Checked: no new items.';
}

/** RSS, Atom and JSON feeds whose new items become drafts or queued posts. */
export function FeedsPage() {
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
        title="Feeds"
        description={
          <>
            Herald reads these RSS, Atom and JSON feeds on their interval and turns each new item into a post for the chosen channels, as a draft or straight into their
            queue. Every item becomes one post, once. When a feed is added, only its 3 newest items become posts; the older ones are taken as already known.
          </>
        }
        actions={
          canEdit ? (
            <button type="button" className="btn btn-primary" data-testid="feed-add" onClick={() => setEditing('new')}>
              Add feed
            </button>
          ) : null
        }
      />
      <FormError message={error} />
      {feeds.isPending ? (
        <Loading label="Loading feeds…" />
      ) : items.length === 0 ? (
        <section className="card">
          <EmptyState title="No feeds yet">{canEdit ? 'Add your blog’s or newsletter’s feed to share each new article without copying links by hand.' : 'Editors and admins can add feeds here.'}</EmptyState>
        </section>
      ) : (
        <ul className="rows card feed-list" aria-label="Feeds" data-testid="feed-list">
          {items.map((feed) => (
            <li key={feed.id} className={feed.enabled ? 'row feed-row' : 'row feed-row row-muted'} data-testid="feed-row">
              <div className="row-main">
                <div className="row-title">{feed.name}</div>
                <div className="feed-url">{feed.url}</div>
                <div className="row-sub">
                  {feed.enabled ? <span className="badge badge-success">On</span> : <span className="badge feed-off">Off</span>} {feed.mode === 'queue' ? 'Adds to the queue' : 'Makes drafts'} of{' '}
                  {feed.channelIds.map((id) => channels.find((c) => c.id === id)).filter(Boolean).map((c) => channelName(c!)).join(', ') || `${feed.channelIds.length} channel(s)`} · every{' '}
                  {feed.intervalMinutes} min
                </div>
                <div className="row-sub" data-testid="feed-status">
                  {feed.lastCheckedAt ? <>Checked {relativeTime(feed.lastCheckedAt)}</> : 'Not checked yet'}
                  {feed.lastNewItemAt ? <> · last new item {relativeTime(feed.lastNewItemAt)}</> : null}
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
                    onClick={() => check.mutate(feed.id, { onSuccess: (answer) => toast(checkSummary(answer)) })}
                  >
                    {check.isPending && check.variables === feed.id ? 'Checking…' : 'Check now'}
                  </button>
                ) : null}
                <button type="button" className="btn btn-sm" data-testid="feed-items" onClick={() => setItemsOf(feed)}>
                  Items
                </button>
                {canEdit ? (
                  <>
                    <button type="button" className="btn btn-sm" data-testid="feed-edit" onClick={() => setEditing(feed)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ feedId: feed.id, enabled: !feed.enabled }, { onSuccess: (d) => toast(d.enabled ? 'Feed turned on.' : 'Feed turned off.') })}
                    >
                      {feed.enabled ? 'Turn off' : 'Turn on'}
                    </button>
                    <button type="button" className="btn btn-sm btn-danger-outline" data-testid="feed-delete" onClick={() => setDeleting(feed)}>
                      Delete
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} title={editing && editing !== 'new' ? 'Edit feed' : 'Add feed'} onClose={() => setEditing(null)} testId="feed-dialog">
        {editing ? <FeedForm key={editing === 'new' ? 'new' : editing.id} workspace={workspace} channels={channels} existing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Dialog>
      <DeleteDialog workspaceId={workspace.id} feed={deleting} onClose={() => setDeleting(null)} />
      {itemsOf ? <ItemsDialog workspace={workspace} feed={itemsOf} onClose={() => setItemsOf(null)} /> : null}
    </div>
  );
}

function FeedForm({ workspace, channels, existing, onDone }: { workspace: MyWorkspace; channels: Channel[]; existing: Feed | null; onDone: () => void }) {
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
    if (existing) update.mutate({ feedId: existing.id, ...input }, { onSuccess: () => (toast('Feed saved.'), onDone()) });
    else create.mutate(input, { onSuccess: () => (toast('Feed added. Use “Check now” to read it at once.'), onDone()) });
  };
  const toggle = (id: string, on: boolean) => setChannelIds(on ? [...channelIds, id] : channelIds.filter((c) => c !== id));

  return (
    <form onSubmit={submit} noValidate className="feed-form">
      <Field label="Name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} data-testid="feed-name" />
      <Field
        label="Feed address"
        type="url"
        inputMode="url"
        required
        placeholder="https://example.com/feed.xml"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={fieldError('url')}
        hint="The RSS, Atom or JSON Feed address, not the blog’s home page."
        data-testid="feed-url"
      />
      <fieldset className="feed-channels" aria-describedby={fieldError('channelIds') ? 'feed-channels-error' : undefined}>
        <legend>Channels</legend>
        {usable.length ? (
          usable.map((c) => <Checkbox key={c.id} checked={channelIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} label={`${channelName(c)} (${c.network})`} data-testid={`feed-channel-${c.id}`} />)
        ) : (
          <p className="muted small">
            <Link to={`/w/${workspace.id}/channels`}>Connect a channel</Link> first: the posts go to channels.
          </p>
        )}
        {fieldError('channelIds') ? (
          <p className="field-error" id="feed-channels-error" role="alert">
            {fieldError('channelIds')}
          </p>
        ) : null}
      </fieldset>
      <SelectField label="New items become" value={mode} onChange={(e) => setMode(e.target.value as 'draft' | 'queue')} error={fieldError('mode')} data-testid="feed-mode">
        <option value="draft">Drafts, to look over first</option>
        <option value="queue">Posts in the queue of these channels</option>
      </SelectField>
      <div className={fieldError('template') ? 'field has-error' : 'field'}>
        <label htmlFor="feed-template">Post text</label>
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
          <code>{'{title}'}</code>, <code>{'{link}'}</code> and <code>{'{summary}'}</code> are replaced by the item’s; its picture, if it has one, is attached. An item the channels’
          rules refuse in the queue becomes a draft with the reason.
        </div>
        {fieldError('template') ? (
          <p className="field-error" role="alert">
            {fieldError('template')}
          </p>
        ) : null}
      </div>
      <Field label="Check every (minutes)" type="number" min={15} max={1440} step={5} required value={interval} onChange={(e) => setInterval(e.target.value)} error={fieldError('intervalMinutes')} hint="15 minutes at the shortest." data-testid="feed-interval" />
      <Checkbox checked={enabled} onChange={(e) => setEnabled(e.target.checked)} label="Read this feed" />
      <FormError message={general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || update.isPending} data-testid="feed-save">
          {existing ? 'Save' : 'Add feed'}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({ workspaceId, feed, onClose }: { workspaceId: string; feed: Feed | null; onClose: () => void }) {
  const toast = useToast();
  const remove = useDeleteFeed(workspaceId);
  return (
    <Dialog open={feed !== null} title="Delete feed?" onClose={onClose} testId="feed-delete-dialog">
      <p>Herald stops reading {feed?.name}. The posts it made stay.</p>
      <FormError message={formErrors(remove.error, []).general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" data-testid="feed-delete-confirm" disabled={remove.isPending} onClick={() => feed && remove.mutate(feed.id, { onSuccess: () => (toast('Feed deleted.'), onClose()) })}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}

function ItemsDialog({ workspace, feed, onClose }: { workspace: MyWorkspace; feed: Feed; onClose: () => void }) {
  const detail = useFeed(workspace.id, feed.id);
  const items = detail.data?.items ?? [];
  return (
    <Dialog open title={`Items of ${feed.name}`} onClose={onClose} wide testId="feed-items-dialog">
      {detail.isPending ? (
        <Loading label="Loading items…" />
      ) : items.length === 0 ? (
        <p className="muted">No items yet: the feed has not been read, or it was empty.</p>
      ) : (
        <ul className="rows feed-items">
          {items.map((item) => (
            <li key={item.id} className="row">
              <div className="row-main">
                <div className="row-title">{item.link ? <a href={item.link} target="_blank" rel="noopener noreferrer">{item.title || item.link}</a> : item.title || '(untitled)'}</div>
                <div className="row-sub">
                  <span className={item.outcome === 'queued' || item.outcome === 'draft' ? 'badge badge-success' : 'badge'}>{outcomeLabel[item.outcome]}</span> {item.publishedAt ? `published ${formatDateTime(item.publishedAt)} · ` : ''}seen{' '}
                  {relativeTime(item.createdAt)}
                  {item.postGroupId ? (
                    <>
                      {' · '}
                      <Link to={`/w/${workspace.id}/posts/${item.postGroupId}`}>Open post</Link>
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
          Close
        </button>
      </div>
    </Dialog>
  );
}
