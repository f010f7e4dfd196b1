import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useEvergreen, useSaveEvergreen, useStopEvergreen, type Evergreen } from './evergreen.api.ts';
import { formatInZone, StateBadge } from './post-state.tsx';
import type { PostsT } from './post-states.ts';
import './post-evergreen.css';

const DEFAULTS = { everyDays: '30', maxTimes: '3' };
const MAX_VARIATIONS = 20;

/** "every 30 days, 1 of 3 copies made": what the setting does, in one line. */
function summary(t: PostsT, e: Evergreen): string {
  return t(e.enabled ? 'evergreen.summary.on' : 'evergreen.summary.off', {
    every: t('evergreen.summary.every', { count: e.everyDays }),
    made: t('evergreen.summary.made', { count: e.maxTimes, done: e.recycledCount }),
  });
}

function Copies({ copies }: { copies: Evergreen['copies'] }) {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  if (!copies.length) return null;
  return (
    <ol className="evergreen-copies" aria-label={t('evergreen.copies')}>
      {copies.map((c, i) => (
        <li key={c.id}>
          <Link to={`/w/${workspace.id}/posts/${c.id}`}>{t('evergreen.copy', { n: i + 1 })}</Link>
          <StateBadge state={c.state} kind="post" />
          <span className="muted small">{c.publishAt ? formatInZone(c.publishAt) : t('evergreen.noTime')}</span>
        </li>
      ))}
    </ol>
  );
}

function EvergreenForm({ postId, current }: { postId: string; current: Evergreen | null }) {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const toast = useToast();
  const save = useSaveEvergreen(workspace.id, postId);
  const stop = useStopEvergreen(workspace.id, postId);
  const [everyDays, setEveryDays] = useState(current ? String(current.everyDays) : DEFAULTS.everyDays);
  const [maxTimes, setMaxTimes] = useState(current ? String(current.maxTimes) : DEFAULTS.maxTimes);
  const [variations, setVariations] = useState<string[]>(current?.variations ?? []);
  const fieldNames = ['everyDays', 'maxTimes', 'variations', ...variations.map((_, i) => `variations.${i}`)];
  const errors = formErrors(save.error ?? stop.error, fieldNames);
  const on = current?.enabled ?? false;

  // Empty inputs are sent as they are (null): the server names the field and what it needs.
  const asNumber = (text: string) => (text.trim() === '' ? (null as unknown as number) : Number(text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    stop.reset();
    save.mutate({ everyDays: asNumber(everyDays), maxTimes: asNumber(maxTimes), variations }, { onSuccess: () => toast(on ? t('evergreen.saved') : t('evergreen.turnedOn')) });
  };
  const setVariation = (index: number, text: string) => setVariations((list) => list.map((v, i) => (i === index ? text : v)));

  return (
    <form className="evergreen-form" onSubmit={submit} noValidate data-testid="evergreen-form">
      <div className="evergreen-numbers">
        <Field label={t('evergreen.everyDays')} type="number" inputMode="numeric" min={1} max={365} value={everyDays} onChange={(e) => setEveryDays(e.target.value)} error={errors.field('everyDays')} hint={t('evergreen.range', { min: 1, max: 365 })} />
        <Field label={t('evergreen.maxTimes')} type="number" inputMode="numeric" min={1} max={50} value={maxTimes} onChange={(e) => setMaxTimes(e.target.value)} error={errors.field('maxTimes')} hint={t('evergreen.range', { min: 1, max: 50 })} />
      </div>
      <fieldset className="evergreen-variations">
        <legend>{t('evergreen.variations')}</legend>
        <p className="muted small">{t('evergreen.variationsHelp')}</p>
        {variations.map((text, i) => {
          const error = errors.field(`variations.${i}`);
          return (
            <div key={i} className={error ? 'field has-error evergreen-variation' : 'field evergreen-variation'}>
              <div className="field-label-row">
                <label htmlFor={`evergreen-variation-${i}`}>{t('evergreen.variation', { n: i + 1 })}</label>
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => setVariations((list) => list.filter((_, j) => j !== i))} aria-label={t('evergreen.removeVariation', { n: i + 1 })}>
                  {t('composer.remove')}
                </button>
              </div>
              <textarea
                id={`evergreen-variation-${i}`}
                rows={3}
                maxLength={5000}
                value={text}
                onChange={(e) => setVariation(i, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `evergreen-variation-${i}-error` : undefined}
              />
              {error ? (
                <p className="field-error" id={`evergreen-variation-${i}-error`} role="alert">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        {errors.field('variations') ? (
          <p className="field-error" role="alert">
            {errors.field('variations')}
          </p>
        ) : null}
        {variations.length < MAX_VARIATIONS ? (
          <button type="button" className="btn btn-sm" onClick={() => setVariations((list) => [...list, ''])}>
            {t('evergreen.addVariation')}
          </button>
        ) : null}
      </fieldset>
      <FormError message={errors.general} />
      <div className="evergreen-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('composer.saving') : on ? t('evergreen.save') : t('evergreen.turnOn')}
        </button>
        {on ? (
          <button
            type="button"
            className="btn"
            disabled={stop.isPending}
            onClick={() => {
              save.reset();
              stop.mutate(undefined, { onSuccess: () => toast(t('evergreen.turnedOff')) });
            }}
          >
            {stop.isPending ? t('evergreen.turningOff') : t('evergreen.turnOff')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The post page's "Recycle (evergreen)" panel: the setting, the copies made, and why one was not. */
export function EvergreenPanel({ postId }: { postId: string }) {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const evergreen = useEvergreen(workspace.id, postId);
  const canSchedule = hasPermission(workspace, 'posts.schedule');
  if (evergreen.isPending || evergreen.error) return null;
  const current = evergreen.data.evergreen;
  const original = evergreen.data.recycledFrom;
  if (original) {
    return (
      <section className="card evergreen" aria-labelledby="evergreen-heading" data-testid="evergreen-panel">
        <h2 id="evergreen-heading">{t('evergreen.title')}</h2>
        <p className="small">
          <Trans t={t} i18nKey="evergreen.copyOf" components={{ original: <Link to={`/w/${workspace.id}/posts/${original}`} /> }} />
        </p>
      </section>
    );
  }
  if (!current && !canSchedule) return null;
  return (
    <section className="card evergreen" aria-labelledby="evergreen-heading" data-testid="evergreen-panel">
      <div className="card-head">
        <div>
          <h2 id="evergreen-heading">{t('evergreen.title')}</h2>
          <p className="muted small">{t('evergreen.description')}</p>
        </div>
        {current ? (
          <span className={current.enabled ? 'badge evergreen-status is-on' : 'badge evergreen-status'} data-testid="evergreen-summary">
            {summary(t, current)}
          </span>
        ) : null}
      </div>
      {current?.lastRecycledAt ? <p className="small">{t('evergreen.lastCopy', { when: relativeTime(current.lastRecycledAt) })}</p> : null}
      {current?.skipReason ? <Notice tone="warn">{current.skipReason}</Notice> : null}
      {current ? <Copies copies={current.copies} /> : null}
      {/* Keyed by the saved version, so the form starts again from what the server holds. */}
      {canSchedule ? <EvergreenForm key={current?.updatedAt ?? 'new'} postId={postId} current={current} /> : null}
    </section>
  );
}
