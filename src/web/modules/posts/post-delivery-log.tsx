import { useEffect, useState } from 'react';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useDeliveryLog, type Attempt, type Delivery } from './posts.api.ts';
import { networkLabel } from '../../components/networks.ts';
import { stepInWords } from './delivery-steps.ts';
import { formatInZone } from './post-state.tsx';
import { attemptOutcomes, manualOutcomes, settledAttemptOutcomes } from './post-states.ts';

const kindLabels: Record<Attempt['kind'], string> = {
  publish: 'Publish',
  check: 'Check',
  resolve: 'Resolve',
  manual: 'By a person',
};
const kindHints: Record<Attempt['kind'], string> = {
  publish: 'Herald sent the post to the network',
  check: 'Herald asked the network whether it finished processing',
  resolve: 'Herald asked the network whether an earlier, unanswered call created the post',
  manual: 'Someone in this workspace acted on the delivery',
};
const time = (value: string) => new Date(value).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

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
export function AttemptItem({ attempt, index, current, network = 'the network' }: { attempt: Attempt; index: number; current: boolean; network?: string }) {
  const labels = attempt.kind === 'manual' ? { ...attemptOutcomes, ...manualOutcomes } : current ? attemptOutcomes : { ...attemptOutcomes, ...settledAttemptOutcomes };
  const outcome = attempt.outcome ? (labels[attempt.outcome] ?? { label: attempt.outcome, tone: 'draft' }) : { label: 'In progress', tone: 'busy' };
  return (
    <li className="attempt" data-testid="log-attempt">
      <div className="attempt-head">
        <h4 className="attempt-title">
          {index + 1}. {kindLabels[attempt.kind] ?? attempt.kind}
          <span className="visually-hidden">: {kindHints[attempt.kind]}</span>
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
          {attempt.outcome === 'processing' || attempt.outcome === 'check' ? 'Next check' : 'Next try'}: <time dateTime={attempt.retryAt}>{formatInZone(attempt.retryAt)}</time>
        </p>
      ) : null}
      {attempt.steps.length ? (
        <ol className="steps-log" aria-label={`Steps of attempt ${index + 1}`}>
          {attempt.steps.map((step, i) => (
            <li key={`${step.at}-${i}`} data-testid="log-step">
              <time className="mono small muted" dateTime={step.at} title={formatInZone(step.at)}>
                {time(step.at)}
              </time>
              <div className="step-body">
                <span className="step-name" title={step.step}>
                  {stepInWords(step.step, network)}
                </span>
                <Payload label="Request" value={step.request} />
                <Payload label="Network’s answer" value={step.response} />
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
        Delivery log
        {log.data ? (
          <span className="muted small">
            {' '}
            · {attempts.length} entr{attempts.length === 1 ? 'y' : 'ies'}
          </span>
        ) : null}
      </summary>
      <div className="delivery-log-body">
        {log.isPending && open ? <Loading label="Reading the log…" /> : null}
        <FormError message={formErrors(log.error, []).general} />
        {log.data && !attempts.length ? <p className="muted small">Nothing has happened yet: Herald has not tried to publish this.</p> : null}
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
