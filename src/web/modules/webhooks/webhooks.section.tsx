import { useState, type FormEvent } from 'react';
import { webhookEvents, webhookEventTypes, type WebhookEventType } from '../../../shared/webhook-events.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { Checkbox, Field } from '../../components/field.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useDelivery,
  useRedeliver,
  useRotateWebhookSecret,
  useSendTestEvent,
  useUpdateWebhook,
  useWebhooks,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookWithSecret,
} from './webhooks.api.ts';
import './webhooks.css';

const statusLabel = { pending: 'Retrying', succeeded: 'Delivered', failed: 'Failed' } as const;

function DeliveryBadge({ status }: { status: WebhookDelivery['status'] }) {
  return <span className={status === 'succeeded' ? 'badge badge-success' : `badge wh-${status}`}>{statusLabel[status]}</span>;
}

/** Webhooks: endpoints that hear about this workspace's events, with their delivery log. */
export function WebhooksSection({ workspace }: { workspace: MyWorkspace }) {
  const toast = useToast();
  const webhooks = useWebhooks(workspace.id);
  const update = useUpdateWebhook(workspace.id);
  const test = useSendTestEvent(workspace.id);
  const rotate = useRotateWebhookSecret(workspace.id);
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const [revealed, setRevealed] = useState<WebhookWithSecret | null>(null);
  const items = webhooks.data?.items ?? [];
  const error = formErrors(webhooks.error ?? update.error ?? test.error ?? rotate.error, []).general;

  const sendTest = (endpoint: WebhookEndpoint) =>
    test.mutate(endpoint.id, {
      onSuccess: (d) => {
        const last = d.attemptLog[0];
        toast(d.status === 'succeeded' ? `Test event delivered (HTTP ${last?.responseStatus}).` : `Test event not delivered: ${last?.error ?? 'no answer'}.`);
      },
    });

  return (
    <section className="card" aria-labelledby="webhooks-title" data-testid="webhooks-section">
      <div className="card-head">
        <div>
          <h2 id="webhooks-title">Webhooks</h2>
          <p className="muted small">
            Herald POSTs a signed JSON message to each endpoint when something happens (Standard Webhooks: check the <code>webhook-signature</code> header with the endpoint&apos;s
            secret). Failed deliveries are retried for about a day; an endpoint that keeps failing is turned off and admins are told.
          </p>
        </div>
        <button type="button" className="btn btn-primary" data-testid="webhook-add" onClick={() => setEditing('new')} disabled={items.length >= 20}>
          Add endpoint
        </button>
      </div>

      {revealed ? (
        <div className="wh-secret" data-testid="webhook-secret">
          <Notice tone="success" title="Signing secret: copy it now">
            This is the only time Herald shows the secret of {revealed.url}. Receivers use it to check each message&apos;s signature.
            <div className="copy-row">
              <input aria-label="Signing secret" data-testid="webhook-secret-value" readOnly value={revealed.secret} onFocus={(e) => e.target.select()} />
              <CopyButton text={revealed.secret} testId="webhook-secret-copy" />
            </div>
            <div className="form-actions" style={{ marginTop: '0.5rem' }}>
              <button type="button" className="btn btn-sm" onClick={() => setRevealed(null)}>
                I stored it
              </button>
            </div>
          </Notice>
        </div>
      ) : null}

      <FormError message={error} />
      {webhooks.isPending ? (
        <Loading label="Loading webhooks…" />
      ) : items.length === 0 ? (
        <EmptyState title="No webhook endpoints yet">Add one to tell another system (n8n, Make, Zapier, your own server) when posts are scheduled, published or fail.</EmptyState>
      ) : (
        <ul className="rows" aria-label="Webhook endpoints" data-testid="webhook-list">
          {items.map((endpoint) => (
            <li key={endpoint.id} className={endpoint.enabled ? 'row wh-row' : 'row wh-row row-muted'} data-testid="webhook-row">
              <div className="row-main">
                <div className="row-title wh-url">{endpoint.url}</div>
                <div className="row-sub">
                  {endpoint.enabled ? <span className="badge badge-success">On</span> : <span className="badge wh-off">Off</span>} {endpoint.description ? `${endpoint.description} · ` : ''}
                  {endpoint.events.length === 1 ? endpoint.events[0] : `${endpoint.events.length} events`}
                  {endpoint.consecutiveFailures > 0 ? ` · ${endpoint.consecutiveFailures} failed in a row` : ''}
                </div>
                {!endpoint.enabled ? <div className="row-note">{endpoint.disabledReason ?? 'Turned off by a member.'}</div> : null}
              </div>
              <div className="wh-actions">
                <button type="button" className="btn btn-sm" data-testid="webhook-test" disabled={test.isPending} onClick={() => sendTest(endpoint)}>
                  Send test
                </button>
                <button type="button" className="btn btn-sm" data-testid="webhook-log" onClick={() => setLogOf(endpoint)}>
                  Deliveries
                </button>
                <button type="button" className="btn btn-sm" data-testid="webhook-edit" onClick={() => setEditing(endpoint)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ webhookId: endpoint.id, enabled: !endpoint.enabled }, { onSuccess: (d) => toast(d.enabled ? 'Endpoint turned on.' : 'Endpoint turned off.') })}
                >
                  {endpoint.enabled ? 'Turn off' : 'Turn on'}
                </button>
                <button type="button" className="btn btn-sm" disabled={rotate.isPending} onClick={() => rotate.mutate(endpoint.id, { onSuccess: (d) => setRevealed(d) })}>
                  New secret
                </button>
                <button type="button" className="btn btn-sm btn-danger-outline" data-testid="webhook-delete" onClick={() => setDeleting(endpoint)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <EndpointDialog workspaceId={workspace.id} editing={editing} onClose={() => setEditing(null)} onCreated={setRevealed} />
      <DeleteDialog workspaceId={workspace.id} endpoint={deleting} onClose={() => setDeleting(null)} />
      {logOf ? <DeliveryLogDialog workspaceId={workspace.id} endpoint={logOf} onClose={() => setLogOf(null)} /> : null}
    </section>
  );
}

function EndpointDialog({ workspaceId, editing, onClose, onCreated }: { workspaceId: string; editing: WebhookEndpoint | 'new' | null; onClose: () => void; onCreated: (created: WebhookWithSecret) => void }) {
  const existing = editing && editing !== 'new' ? editing : null;
  return (
    <Dialog open={editing !== null} title={existing ? 'Edit endpoint' : 'Add endpoint'} onClose={onClose} testId="webhook-dialog">
      {editing ? <EndpointForm key={existing?.id ?? 'new'} workspaceId={workspaceId} existing={existing} onDone={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function EndpointForm({ workspaceId, existing, onDone, onCreated }: { workspaceId: string; existing: WebhookEndpoint | null; onDone: () => void; onCreated: (created: WebhookWithSecret) => void }) {
  const toast = useToast();
  const create = useCreateWebhook(workspaceId);
  const update = useUpdateWebhook(workspaceId);
  const [url, setUrl] = useState(existing?.url ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [events, setEvents] = useState<Set<string>>(new Set(existing?.events ?? ['post.published', 'post.failed']));
  const saving = create.isPending || update.isPending;
  const errors = formErrors(create.error ?? update.error, ['url', 'description', 'events']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { url: url.trim(), description: description.trim() || null, events: [...events] as WebhookEventType[] };
    if (existing) {
      update.mutate({ webhookId: existing.id, ...input }, { onSuccess: () => (toast('Endpoint saved.'), onDone()) });
    } else {
      create.mutate(input, { onSuccess: (created) => (onCreated(created), toast('Endpoint added.'), onDone()) });
    }
  };
  const toggle = (type: string, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field label="URL" type="url" inputMode="url" required placeholder="https://example.com/webhooks/herald" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.field('url')} data-testid="webhook-url" />
      <Field label="Description (optional)" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} error={errors.field('description')} data-testid="webhook-description" />
      <fieldset className="wh-events">
        <legend>Events</legend>
        {webhookEventTypes.map((type) => (
          <Checkbox
            key={type}
            checked={events.has(type)}
            onChange={(e) => toggle(type, e.target.checked)}
            data-testid={`webhook-event-${type}`}
            label={
              <>
                <code>{type}</code>
                <span className="wh-event-line">{webhookEvents[type]}</span>
              </>
            }
          />
        ))}
      </fieldset>
      <FormError message={errors.field('events') ?? errors.general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving || events.size === 0} data-testid="webhook-save">
          {existing ? 'Save' : 'Add endpoint'}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({ workspaceId, endpoint, onClose }: { workspaceId: string; endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const toast = useToast();
  const remove = useDeleteWebhook(workspaceId);
  return (
    <Dialog open={endpoint !== null} title="Delete endpoint?" onClose={onClose} testId="webhook-delete-dialog">
      <p>
        Herald stops sending events to <span className="mono">{endpoint?.url}</span> and deletes its delivery log.
      </p>
      <FormError message={formErrors(remove.error, []).general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="webhook-delete-confirm"
          disabled={remove.isPending}
          onClick={() => endpoint && remove.mutate(endpoint.id, { onSuccess: () => (toast('Endpoint deleted.'), onClose()) })}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}

function DeliveryLogDialog({ workspaceId, endpoint, onClose }: { workspaceId: string; endpoint: WebhookEndpoint; onClose: () => void }) {
  const [status, setStatus] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const deliveries = useDeliveries(workspaceId, endpoint.id, status);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Dialog open title={openId ? 'Delivery' : 'Deliveries'} onClose={onClose} wide testId="webhook-log-dialog">
      <p className="muted small wh-url">{endpoint.url}</p>
      {openId ? (
        <DeliveryDetailView workspaceId={workspaceId} webhookId={endpoint.id} deliveryId={openId} onBack={() => setOpenId(null)} />
      ) : (
        <>
          <div className="wh-log-toolbar">
            <label htmlFor="wh-status">Show</label>
            <select id="wh-status" value={status} onChange={(e) => setStatus(e.target.value)} data-testid="webhook-log-status">
              <option value="">All deliveries</option>
              <option value="succeeded">Delivered</option>
              <option value="pending">Retrying</option>
              <option value="failed">Failed</option>
            </select>
            <button type="button" className="btn btn-sm" onClick={() => void deliveries.refetch()}>
              Refresh
            </button>
          </div>
          <FormError message={formErrors(deliveries.error, []).general} />
          {deliveries.isPending ? (
            <Loading label="Loading deliveries…" />
          ) : items.length === 0 ? (
            <p className="muted">No deliveries{status ? ' with this status' : ''} in the last 30 days.</p>
          ) : (
            <ul className="rows" aria-label="Deliveries" data-testid="webhook-deliveries">
              {items.map((d) => (
                <li key={d.id} className="row" data-testid="webhook-delivery-row">
                  <button type="button" className="wh-delivery" onClick={() => setOpenId(d.id)}>
                    <div className="row-title">
                      <code>{d.eventType}</code> <DeliveryBadge status={d.status} />
                    </div>
                    <div className="row-sub">
                      <span title={formatDateTime(d.createdAt)}>{relativeTime(d.createdAt)}</span> · {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                      {d.lastAttempt ? ` · last: ${d.lastAttempt.responseStatus ? `HTTP ${d.lastAttempt.responseStatus}` : (d.lastAttempt.error ?? 'no answer')}` : ''}
                      {d.status === 'pending' && d.nextAttemptAt ? ` · next try ${relativeTime(d.nextAttemptAt)}` : ''}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {deliveries.hasNextPage ? (
            <button type="button" className="btn btn-sm" disabled={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
              Show older
            </button>
          ) : null}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function DeliveryDetailView({ workspaceId, webhookId, deliveryId, onBack }: { workspaceId: string; webhookId: string; deliveryId: string; onBack: () => void }) {
  const toast = useToast();
  const detail = useDelivery(workspaceId, webhookId, deliveryId);
  const redeliver = useRedeliver(workspaceId);
  const d = detail.data;
  return (
    <div data-testid="webhook-delivery-detail">
      <div className="wh-log-toolbar">
        <button type="button" className="btn btn-sm" onClick={onBack}>
          ← All deliveries
        </button>
        <button
          type="button"
          className="btn btn-sm btn-primary"
          data-testid="webhook-redeliver"
          disabled={redeliver.isPending || !d}
          onClick={() =>
            redeliver.mutate(
              { webhookId, deliveryId },
              { onSuccess: (r) => (toast(r.attemptLog[0]?.error ? `Not delivered: ${r.attemptLog[0].error}.` : 'Delivered again.'), void detail.refetch()) },
            )
          }
        >
          Redeliver
        </button>
      </div>
      <FormError message={formErrors(detail.error ?? redeliver.error, []).general} />
      {!d ? (
        <Loading label="Loading delivery…" />
      ) : (
        <>
          <p>
            <code>{d.eventType}</code> <DeliveryBadge status={d.status} /> <span className="muted small">· id {d.id}</span>
          </p>
          <h3 className="small">Attempts</h3>
          {d.attemptLog.length === 0 ? <p className="muted small">Not tried yet.</p> : null}
          {d.attemptLog.map((a) => (
            <div key={a.id} className="wh-attempt" data-testid="webhook-attempt">
              <div className="row-title">
                {a.responseStatus ? `HTTP ${a.responseStatus}` : 'No answer'} {a.manual ? <span className="tag">Redelivery</span> : null}
              </div>
              <div className="row-sub">
                {formatDateTime(a.createdAt)}
                {a.durationMs !== null ? ` · ${a.durationMs} ms` : ''}
                {a.error ? ` · ${a.error}` : ''}
              </div>
              <details>
                <summary className="small">Request</summary>
                <pre className="wh-pre">{Object.entries(a.requestHeaders).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
                <pre className="wh-pre">{prettyJson(a.requestBody)}</pre>
              </details>
              <details open={!!a.responseBody}>
                <summary className="small">Answer (first 4 KB)</summary>
                <pre className="wh-pre" data-testid="webhook-attempt-answer">{a.responseBody || '(empty)'}</pre>
              </details>
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
