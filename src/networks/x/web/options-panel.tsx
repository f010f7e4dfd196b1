import { useId } from 'react';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { POLL_MAX_MINUTES, POLL_MIN_MINUTES, xReplySettings } from '../descriptor.ts';

type Poll = { options: string[]; durationMinutes: number };

const replyLabels: Record<(typeof xReplySettings)[number], string> = {
  everyone: 'Everyone',
  following: 'Accounts you follow',
  mentionedUsers: 'Only accounts you mention',
  subscribers: 'Only your subscribers',
  verified: 'Only verified accounts',
};

const durations: [number, string][] = [
  [5, '5 minutes'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [360, '6 hours'],
  [1440, '1 day'],
  [4320, '3 days'],
  [POLL_MAX_MINUTES, '7 days'],
];

/** X: who can reply, a post to quote, and a poll (2–4 choices, 5 minutes to 7 days). */
export function XOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const id = useId();
  const poll = (settings.poll ?? null) as Poll | null;
  const setPoll = (next: Poll | null) => onChange({ ...settings, poll: next });
  const quoteError = errorFor('settings.quote');
  const pollError = errorFor('settings.poll') ?? [0, 1, 2, 3].map((n) => errorFor(`settings.poll.options.${n}`)).find(Boolean) ?? errorFor('settings.poll.durationMinutes');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="x-panel">
      <NetworkCardHead channel={channel} title="X" id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-reply`}>Who can reply</label>
          <select id={`${id}-reply`} value={String(settings.replySettings ?? 'everyone')} onChange={(e) => onChange({ ...settings, replySettings: e.target.value })}>
            {xReplySettings.map((value) => (
              <option key={value} value={value}>
                {replyLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div className={quoteError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-quote`}>Quote a post</label>
          <input
            id={`${id}-quote`}
            type="text"
            placeholder="Optional: https://x.com/name/status/…"
            value={String(settings.quote ?? '')}
            aria-invalid={quoteError ? true : undefined}
            aria-describedby={quoteError ? `${id}-quote-error` : undefined}
            onChange={(e) => onChange({ ...settings, quote: e.target.value.trim() ? e.target.value.trim() : null })}
          />
          <FieldMessage message={quoteError} id={`${id}-quote-error`} />
          {settings.quote && !quoteError ? (
            <span className="muted small" data-testid="x-quote-note">
              Since April 2026 X allows quote posts through its API on Enterprise plans only: on a self-serve plan X refuses the post.
            </span>
          ) : null}
        </div>
      </div>
      <div className={pollError ? 'field has-error' : 'field'}>
        <label className="cm-switch">
          <input type="checkbox" checked={poll !== null} disabled={files.length > 0 && poll === null} onChange={(e) => setPoll(e.target.checked ? { options: ['', ''], durationMinutes: 1440 } : null)} />
          <span>
            Add a poll
            {files.length > 0 && poll === null ? <span className="muted small"> (not with photos or videos)</span> : null}
          </span>
        </label>
        {poll ? (
          <div className="cm-options-grid" data-testid="x-poll">
            {poll.options.map((option, n) => (
              <div className="field" key={n}>
                <label htmlFor={`${id}-choice-${n}`}>Choice {n + 1}</label>
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
              <label htmlFor={`${id}-duration`}>Poll length</label>
              <select id={`${id}-duration`} value={poll.durationMinutes} onChange={(e) => setPoll({ ...poll, durationMinutes: Math.min(POLL_MAX_MINUTES, Math.max(POLL_MIN_MINUTES, Number(e.target.value))) })}>
                {durations.map(([minutes, words]) => (
                  <option key={minutes} value={minutes}>
                    {words}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              {poll.options.length < 4 ? (
                <button type="button" className="button" onClick={() => setPoll({ ...poll, options: [...poll.options, ''] })}>
                  Add a choice
                </button>
              ) : null}{' '}
              {poll.options.length > 2 ? (
                <button type="button" className="button" onClick={() => setPoll({ ...poll, options: poll.options.slice(0, -1) })}>
                  Remove the last choice
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
        <FieldMessage message={pollError} id={`${id}-poll-error`} />
      </div>
      <p className="muted small">
        X counts every link as 23 characters and most emoji and Chinese, Japanese or Korean characters as 2; the counter above counts as X does. Thread parts are posted as replies, one after the other.
      </p>
    </section>
  );
}
