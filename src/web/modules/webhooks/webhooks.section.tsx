import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { webhookEvents, webhookEventTypes, type WebhookEventType } from '../../../shared/webhook-events.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { Checkbox, Field } from '../../components/field.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { i18n } from '../../i18n/i18n.ts';
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

function DeliveryBadge({ status }: { status: WebhookDelivery['status'] }) {
  const { t } = useTranslation('webhooks');
  return <span className={status === 'succeeded' ? 'badge badge-success' : `badge wh-${status}`}>{t(`status.${status}`)}</span>;
}

/** Webhooks: endpoints that hear about this workspace's events, with their delivery log. */
export function WebhooksSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('webhooks');
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
        toast(d.status === 'succeeded' ? t('test.delivered', { status: last?.responseStatus }) : t('test.failed', { error: last?.error ?? t('noAnswerLower') }));
      },
    });

  return (
    <section className="card" aria-labelledby="webhooks-title" data-testid="webhooks-section">
      <div className="card-head">
        <div>
          <h2 id="webhooks-title">{t('section.title')}</h2>
          <p className="muted small">
            <Trans t={t} i18nKey="section.intro" components={{ code: <code /> }} />
          </p>
        </div>
        <button type="button" className="btn btn-primary" data-testid="webhook-add" onClick={() => setEditing('new')} disabled={items.length >= 20}>
          {t('section.add')}
        </button>
      </div>

      {revealed ? (
        <div className="wh-secret" data-testid="webhook-secret">
          <Notice tone="success" title={t('secret.title')}>
            {t('secret.body', { url: revealed.url })}
            <div className="copy-row">
              <input aria-label={t('secret.label')} data-testid="webhook-secret-value" readOnly value={revealed.secret} onFocus={(e) => e.target.select()} />
              <CopyButton text={revealed.secret} testId="webhook-secret-copy" />
            </div>
            <div className="form-actions" style={{ marginTop: '0.5rem' }}>
              <button type="button" className="btn btn-sm" onClick={() => setRevealed(null)}>
                {t('secret.stored')}
              </button>
            </div>
          </Notice>
        </div>
      ) : null}

      <FormError message={error} />
      {webhooks.isPending ? (
        <Loading label={t('section.loading')} />
      ) : items.length === 0 ? (
        <EmptyState title={t('empty.title')}>{t('empty.body')}</EmptyState>
      ) : (
        <ul className="rows" aria-label={t('section.endpoints')} data-testid="webhook-list">
          {items.map((endpoint) => (
            <li key={endpoint.id} className={endpoint.enabled ? 'row wh-row' : 'row wh-row row-muted'} data-testid="webhook-row">
              <div className="row-main">
                <div className="row-title wh-url">{endpoint.url}</div>
                <div className="row-sub">
                  {endpoint.enabled ? <span className="badge badge-success">{t('row.on')}</span> : <span className="badge wh-off">{t('row.off')}</span>} {endpoint.description ? `${endpoint.description} · ` : ''}
                  {endpoint.events.length === 1 ? endpoint.events[0] : t('row.events', { count: endpoint.events.length })}
                  {endpoint.consecutiveFailures > 0 ? t('row.failures', { count: endpoint.consecutiveFailures }) : ''}
                </div>
                {!endpoint.enabled ? <div className="row-note">{endpoint.disabledReason ?? t('row.turnedOffByMember')}</div> : null}
              </div>
              <div className="wh-actions">
                <button type="button" className="btn btn-sm" data-testid="webhook-test" disabled={test.isPending} onClick={() => sendTest(endpoint)}>
                  {t('row.sendTest')}
                </button>
                <button type="button" className="btn btn-sm" data-testid="webhook-log" onClick={() => setLogOf(endpoint)}>
                  {t('row.deliveries')}
                </button>
                <button type="button" className="btn btn-sm" data-testid="webhook-edit" onClick={() => setEditing(endpoint)}>
                  {t('row.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ webhookId: endpoint.id, enabled: !endpoint.enabled }, { onSuccess: (d) => toast(d.enabled ? t('row.turnedOn') : t('row.turnedOff')) })}
                >
                  {endpoint.enabled ? t('row.turnOff') : t('row.turnOn')}
                </button>
                <button type="button" className="btn btn-sm" disabled={rotate.isPending} onClick={() => rotate.mutate(endpoint.id, { onSuccess: (d) => setRevealed(d) })}>
                  {t('row.newSecret')}
                </button>
                <button type="button" className="btn btn-sm btn-danger-outline" data-testid="webhook-delete" onClick={() => setDeleting(endpoint)}>
                  {t('row.delete')}
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
  const { t } = useTranslation('webhooks');
  const existing = editing && editing !== 'new' ? editing : null;
  return (
    <Dialog open={editing !== null} title={existing ? t('form.editTitle') : t('section.add')} onClose={onClose} testId="webhook-dialog">
      {editing ? <EndpointForm key={existing?.id ?? 'new'} workspaceId={workspaceId} existing={existing} onDone={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function EndpointForm({ workspaceId, existing, onDone, onCreated }: { workspaceId: string; existing: WebhookEndpoint | null; onDone: () => void; onCreated: (created: WebhookWithSecret) => void }) {
  const { t } = useTranslation('webhooks');
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
      update.mutate({ webhookId: existing.id, ...input }, { onSuccess: () => (toast(t('form.saved')), onDone()) });
    } else {
      create.mutate(input, { onSuccess: (created) => (onCreated(created), toast(t('form.added')), onDone()) });
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
      <Field label={t('form.url')} type="url" inputMode="url" required placeholder="https://example.com/webhooks/herald" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.field('url')} data-testid="webhook-url" />
      <Field label={t('form.description')} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} error={errors.field('description')} data-testid="webhook-description" />
      <fieldset className="wh-events">
        <legend>{t('form.events')}</legend>
        {webhookEventTypes.map((type) => (
          <Checkbox
            key={type}
            checked={events.has(type)}
            onChange={(e) => toggle(type, e.target.checked)}
            data-testid={`webhook-event-${type}`}
            label={
              <>
                <code>{type}</code>
                <span className="wh-event-line">{t(`events.${type}`, { defaultValue: webhookEvents[type] })}</span>
              </>
            }
          />
        ))}
      </fieldset>
      <FormError message={errors.field('events') ?? errors.general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('actions.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving || events.size === 0} data-testid="webhook-save">
          {existing ? t('actions.save') : t('section.add')}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({ workspaceId, endpoint, onClose }: { workspaceId: string; endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  const toast = useToast();
  const remove = useDeleteWebhook(workspaceId);
  return (
    <Dialog open={endpoint !== null} title={t('delete.title')} onClose={onClose} testId="webhook-delete-dialog">
      <p>
        <Trans t={t} i18nKey="delete.body" values={{ url: endpoint?.url ?? '' }} components={{ url: <span className="mono" /> }} />
      </p>
      <FormError message={formErrors(remove.error, []).general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="webhook-delete-confirm"
          disabled={remove.isPending}
          onClick={() => endpoint && remove.mutate(endpoint.id, { onSuccess: () => (toast(t('delete.done')), onClose()) })}
        >
          {t('delete.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

function DeliveryLogDialog({ workspaceId, endpoint, onClose }: { workspaceId: string; endpoint: WebhookEndpoint; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  const [status, setStatus] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const deliveries = useDeliveries(workspaceId, endpoint.id, status);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Dialog open title={openId ? t('log.delivery') : t('row.deliveries')} onClose={onClose} wide testId="webhook-log-dialog">
      <p className="muted small wh-url">{endpoint.url}</p>
      {openId ? (
        <DeliveryDetailView workspaceId={workspaceId} webhookId={endpoint.id} deliveryId={openId} onBack={() => setOpenId(null)} />
      ) : (
        <>
          <div className="wh-log-toolbar">
            <label htmlFor="wh-status">{t('log.show')}</label>
            <select id="wh-status" value={status} onChange={(e) => setStatus(e.target.value)} data-testid="webhook-log-status">
              <option value="">{t('log.all')}</option>
              <option value="succeeded">{t('status.succeeded')}</option>
              <option value="pending">{t('status.pending')}</option>
              <option value="failed">{t('status.failed')}</option>
            </select>
            <button type="button" className="btn btn-sm" onClick={() => void deliveries.refetch()}>
              {t('log.refresh')}
            </button>
          </div>
          <FormError message={formErrors(deliveries.error, []).general} />
          {deliveries.isPending ? (
            <Loading label={t('log.loading')} />
          ) : items.length === 0 ? (
            <p className="muted">{status ? t('log.emptyStatus', { count: 30 }) : t('log.empty', { count: 30 })}</p>
          ) : (
            <ul className="rows" aria-label={t('row.deliveries')} data-testid="webhook-deliveries">
              {items.map((d) => (
                <li key={d.id} className="row" data-testid="webhook-delivery-row">
                  <button type="button" className="wh-delivery" onClick={() => setOpenId(d.id)}>
                    <div className="row-title">
                      <code>{d.eventType}</code> <DeliveryBadge status={d.status} />
                    </div>
                    <div className="row-sub">
                      <span title={formatDateTime(d.createdAt)}>{relativeTime(d.createdAt)}</span> · {t('log.attempts', { count: d.attempts })}
                      {d.lastAttempt ? t('log.last', { answer: d.lastAttempt.responseStatus ? `HTTP ${d.lastAttempt.responseStatus}` : (d.lastAttempt.error ?? t('noAnswerLower')) }) : ''}
                      {d.status === 'pending' && d.nextAttemptAt ? t('log.next', { when: relativeTime(d.nextAttemptAt) }) : ''}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {deliveries.hasNextPage ? (
            <button type="button" className="btn btn-sm" disabled={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
              {t('log.older')}
            </button>
          ) : null}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}

function DeliveryDetailView({ workspaceId, webhookId, deliveryId, onBack }: { workspaceId: string; webhookId: string; deliveryId: string; onBack: () => void }) {
  const { t } = useTranslation('webhooks');
  const toast = useToast();
  const detail = useDelivery(workspaceId, webhookId, deliveryId);
  const redeliver = useRedeliver(workspaceId);
  const d = detail.data;
  return (
    <div data-testid="webhook-delivery-detail">
      <div className="wh-log-toolbar">
        <button type="button" className="btn btn-sm" onClick={onBack}>
          ← {t('log.all')}
        </button>
        <button
          type="button"
          className="btn btn-sm btn-primary"
          data-testid="webhook-redeliver"
          disabled={redeliver.isPending || !d}
          onClick={() =>
            redeliver.mutate(
              { webhookId, deliveryId },
              { onSuccess: (r) => (toast(r.attemptLog[0]?.error ? t('detail.notDelivered', { error: r.attemptLog[0].error }) : t('detail.deliveredAgain')), void detail.refetch()) },
            )
          }
        >
          {t('detail.redeliver')}
        </button>
      </div>
      <FormError message={formErrors(detail.error ?? redeliver.error, []).general} />
      {!d ? (
        <Loading label={t('detail.loading')} />
      ) : (
        <>
          <p>
            <code>{d.eventType}</code> <DeliveryBadge status={d.status} /> <span className="muted small">{t('detail.id', { id: d.id })}</span>
          </p>
          <h3 className="small">{t('detail.attempts')}</h3>
          {d.attemptLog.length === 0 ? <p className="muted small">{t('detail.notTried')}</p> : null}
          {d.attemptLog.map((a) => (
            <div key={a.id} className="wh-attempt" data-testid="webhook-attempt">
              <div className="row-title">
                {a.responseStatus ? `HTTP ${a.responseStatus}` : t('detail.noAnswer')} {a.manual ? <span className="tag">{t('detail.redelivery')}</span> : null}
              </div>
              <div className="row-sub">
                {formatDateTime(a.createdAt)}
                {a.durationMs !== null ? ` · ${t('detail.duration', { ms: a.durationMs.toLocaleString(i18n.language) })}` : ''}
                {a.error ? ` · ${a.error}` : ''}
              </div>
              <details>
                <summary className="small">{t('detail.request')}</summary>
                <pre className="wh-pre">{Object.entries(a.requestHeaders).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
                <pre className="wh-pre">{prettyJson(a.requestBody)}</pre>
              </details>
              <details open={!!a.responseBody}>
                <summary className="small">{t('detail.answer')}</summary>
                <pre className="wh-pre" data-testid="webhook-attempt-answer">{a.responseBody || t('detail.empty')}</pre>
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
