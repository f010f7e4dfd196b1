import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useDeliveryLog, type Attempt, type Delivery } from './posts.api.ts';
import { networkLabel } from '../../components/networks.ts';
import { stepInWords } from './delivery-steps.ts';
import { formatInZone } from './post-state.tsx';
import { attemptOutcome } from './post-states.ts';

const time = (value: string) => new Date(value).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const isPlain = (value: unknown): value is Record<string, string | number | boolean | null> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));

/** A request or answer summary: a flat object reads best as key/value pairs, anything else as JSON. */
function Payload({ label, value }: { label: string; value: unknown }) {
  if (value === undefined) return null;
  const entries = isPlain(value) ? Object.entries(value) : null;
  return (
    <details className="payload">
      <summary>{label}</summary>
      {entries && entries.length <= 12 ? (
        <dl className="payload-pairs">
          {entries.map(([key, v]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd className="mono">{v === null ? 'null' : String(v)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre className="payload-json">{JSON.stringify(value, null, 2)}</pre>
      )}
    </details>
  );
}

/** States after which the engine schedules nothing more for the delivery. */
const settledDeliveryStates = new Set<Delivery['state']>(['published', 'failed', 'cancelled', 'draft']);

/**
 * `current`: the newest attempt of a delivery the engine still works on. Only that one's "next
 * try" is still ahead; an older one's was the next entry of the log.
 */
export function AttemptItem({ attempt, index, current, network }: { attempt: Attempt; index: number; current: boolean; network?: string }) {
  const { t } = useTranslation('posts');
  const table = attempt.kind === 'manual' ? 'manual' : current ? 'attempt' : 'settled';
  const outcome = attempt.outcome ? (attemptOutcome(t, attempt.outcome, table) ?? { label: attempt.outcome, tone: 'draft' }) : { label: t('log.inProgress'), tone: 'busy' };
  const kinds = ['publish', 'check', 'resolve', 'manual'];
  return (
    <li className="attempt" data-testid="log-attempt">
      <div className="attempt-head">
        <h4 className="attempt-title">
          {index + 1}. {kinds.includes(attempt.kind) ? t(`log.kinds.${attempt.kind}.label`) : attempt.kind}
          {kinds.includes(attempt.kind) ? <span className="visually-hidden">: {t(`log.kinds.${attempt.kind}.hint`)}</span> : null}
        </h4>
        <span className={`badge state-badge state-${outcome.tone}`}>{outcome.label}</span>
        <time className="muted small" dateTime={attempt.startedAt}>
          {formatInZone(attempt.startedAt)}
        </time>
      </div>
      {attempt.errorMessage || attempt.errorCode ? (
        <p className="attempt-error">
          {attempt.errorMessage}
          {attempt.errorCode ? <code className="code-chip">{attempt.errorCode}</code> : null}
        </p>
      ) : null}
      {attempt.retryAt && current ? (
        <p className="muted small attempt-next">
          {attempt.outcome === 'processing' || attempt.outcome === 'check' ? t('log.nextCheck') : t('log.nextTry')}{t('log.colon')}<time dateTime={attempt.retryAt}>{formatInZone(attempt.retryAt)}</time>
        </p>
      ) : null}
      {attempt.steps.length ? (
        <ol className="steps-log" aria-label={t('log.stepsOf', { n: index + 1 })}>
          {attempt.steps.map((step, i) => (
            <li key={`${step.at}-${i}`} data-testid="log-step">
              <time className="mono small muted" dateTime={step.at} title={formatInZone(step.at)}>
                {time(step.at)}
              </time>
              <div className="step-body">
                <span className="step-name" title={step.step}>
                  {stepInWords(t, step.step, network ?? t('log.theNetwork'))}
                </span>
                <Payload label={t('log.request')} value={step.request} />
                <Payload label={t('log.answer')} value={step.response} />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/**
 * The delivery's log, read when opened: every attempt, its steps, the requests Herald made and the
 * network's answers (the server removed credentials before storing them).
 */
export function DeliveryLog({ workspaceId, postId, delivery }: { workspaceId: string; postId: string; delivery: Delivery }) {
  const { t } = useTranslation('posts');
  const [open, setOpen] = useState(false);
  const log = useDeliveryLog(workspaceId, postId, open ? delivery.id : undefined);
  const { refetch } = log;
  // The post page follows the engine; the log follows the delivery's state while it is open.
  useEffect(() => {
    if (open) void refetch();
  }, [open, refetch, delivery.state, delivery.attemptCount]);
  const attempts = log.data?.attempts ?? [];
  return (
    <details className="delivery-log" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="delivery-log">
      <summary>
        {t('log.title')}
        {log.data ? (
          <span className="muted small">
            {' '}
            · {t('log.entries', { count: attempts.length })}
          </span>
        ) : null}
      </summary>
      <div className="delivery-log-body">
        {log.isPending && open ? <Loading label={t('log.reading')} /> : null}
        <FormError message={formErrors(log.error, []).general} />
        {log.data && !attempts.length ? <p className="muted small">{t('log.empty')}</p> : null}
        {attempts.length ? (
          <ol className="attempts">
            {attempts.map((attempt, index) => (
              <AttemptItem key={attempt.id} attempt={attempt} index={index} network={networkLabel(delivery.network)} current={index === attempts.length - 1 && !settledDeliveryStates.has(delivery.state)} />
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}
