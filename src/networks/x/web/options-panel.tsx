import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { POLL_MAX_MINUTES, POLL_MIN_MINUTES, x, xReplySettings } from '../descriptor.ts';

type Poll = { options: string[]; durationMinutes: number };

/** The poll lengths offered, in minutes, each said in its largest whole unit. */
const durations = [5, 30, 60, 360, 1440, 4320, POLL_MAX_MINUTES];
const durationUnit = (minutes: number): [unit: 'days' | 'hours' | 'minutes', count: number] =>
  minutes % 1440 === 0 ? ['days', minutes / 1440] : minutes % 60 === 0 ? ['hours', minutes / 60] : ['minutes', minutes];

/** X: who can reply, a post to quote, and a poll (2–4 choices, 5 minutes to 7 days). */
export function XOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const { t } = useTranslation('network-x');
  const id = useId();
  const poll = (settings.poll ?? null) as Poll | null;
  const setPoll = (next: Poll | null) => onChange({ ...settings, poll: next });
  const quoteError = errorFor('settings.quote');
  const pollError = errorFor('settings.poll') ?? [0, 1, 2, 3].map((n) => errorFor(`settings.poll.options.${n}`)).find(Boolean) ?? errorFor('settings.poll.durationMinutes');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="x-panel">
      <NetworkCardHead channel={channel} title={x.label} id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-reply`}>{t('web.options.whoCanReply')}</label>
          <select id={`${id}-reply`} value={String(settings.replySettings ?? 'everyone')} onChange={(e) => onChange({ ...settings, replySettings: e.target.value })}>
            {xReplySettings.map((value) => (
              <option key={value} value={value}>
                {t(`web.options.reply.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={quoteError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-quote`}>{t('web.options.quote')}</label>
          <input
            id={`${id}-quote`}
            type="text"
            placeholder={t('web.options.quotePlaceholder')}
            value={String(settings.quote ?? '')}
            aria-invalid={quoteError ? true : undefined}
            aria-describedby={quoteError ? `${id}-quote-error` : undefined}
            onChange={(e) => onChange({ ...settings, quote: e.target.value.trim() ? e.target.value.trim() : null })}
          />
          <FieldMessage message={quoteError} id={`${id}-quote-error`} />
          {settings.quote && !quoteError ? (
            <span className="muted small" data-testid="x-quote-note">
              {t('web.options.quoteNote')}
            </span>
          ) : null}
        </div>
      </div>
      <div className={pollError ? 'field has-error' : 'field'}>
        <label className="cm-switch">
          <input type="checkbox" checked={poll !== null} disabled={files.length > 0 && poll === null} onChange={(e) => setPoll(e.target.checked ? { options: ['', ''], durationMinutes: 1440 } : null)} />
          <span>
            {t('web.options.addPoll')}
            {files.length > 0 && poll === null ? <span className="muted small">{t('web.options.notWithMedia')}</span> : null}
          </span>
        </label>
        {poll ? (
          <div className="cm-options-grid" data-testid="x-poll">
            {poll.options.map((option, n) => (
              <div className="field" key={n}>
                <label htmlFor={`${id}-choice-${n}`}>{t('web.options.choice', { number: n + 1 })}</label>
                <input
                  id={`${id}-choice-${n}`}
                  type="text"
                  maxLength={25}
                  value={option}
                  onChange={(e) => setPoll({ ...poll, options: poll.options.map((o, i) => (i === n ? e.target.value : o)) })}
                />
              </div>
            ))}
            <div className="field">
              <label htmlFor={`${id}-duration`}>{t('web.options.pollLength')}</label>
              <select id={`${id}-duration`} value={poll.durationMinutes} onChange={(e) => setPoll({ ...poll, durationMinutes: Math.min(POLL_MAX_MINUTES, Math.max(POLL_MIN_MINUTES, Number(e.target.value))) })}>
                {durations.map((minutes) => {
                  const [unit, count] = durationUnit(minutes);
                  return (
                    <option key={minutes} value={minutes}>
                      {t(`web.options.duration.${unit}`, { count })}
                    </option>
                  );
                })}
              </select>
            </div>
            <div className="field">
              {poll.options.length < 4 ? (
                <button type="button" className="button" onClick={() => setPoll({ ...poll, options: [...poll.options, ''] })}>
                  {t('web.options.addChoice')}
                </button>
              ) : null}{' '}
              {poll.options.length > 2 ? (
                <button type="button" className="button" onClick={() => setPoll({ ...poll, options: poll.options.slice(0, -1) })}>
                  {t('web.options.removeChoice')}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
        <FieldMessage message={pollError} id={`${id}-poll-error`} />
      </div>
      <p className="muted small">
        {t('web.options.counting')}
      </p>
    </section>
  );
}
