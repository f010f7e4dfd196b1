// Reddit's composer panel: the subreddit (typed, with the person's own subreddits first and then
// Reddit's search), what that subreddit requires (read from Reddit and kept on the channel, so a
// save is checked against it), the flair (marked required when it is), the title with its counter,
// the post kind, and the NSFW, spoiler and inbox-replies switches.
import { useDeferredValue, useId, useState } from 'react';
import { FormError } from '../../../web/components/feedback.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { Loading } from '../../../web/components/status.tsx';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { mediaShape, REDDIT_FLAIR_TEXT_MAX, REDDIT_TITLE_MAX } from '../descriptor.ts';
import type { SubredditRules } from '../requirements.ts';
import type { OptionsPanelProps } from '../../web-types.ts';
import { subredditsOf, useSubredditRules, useSubredditSearch, type SubredditSummary } from './subreddits.ts';

/** Sets or clears optional settings (an empty value is no setting at all). */
function withValues(settings: Record<string, unknown>, change: Record<string, unknown>) {
  const next = { ...settings };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

const relationWords: Record<SubredditSummary['relation'], string> = { moderator: 'you moderate', subscriber: 'joined', search: '' };
const members = (n: number | null) => (n === null ? '' : n >= 1000 ? `${Math.round(n / 100) / 10}k members` : `${n} members`);

/** What the subreddit asks of posts, in a few lines the person reads before writing. */
function RequirementsNote({ rules }: { rules: SubredditRules }) {
  const r = rules.requirements;
  const lines: string[] = [];
  if (rules.submissionType === 'link') lines.push('Links and media only: no text posts.');
  if (rules.submissionType === 'self') lines.push('Text posts only.');
  const off = [!rules.allowImages && 'images', !rules.allowVideos && 'videos', !rules.allowGalleries && 'galleries'].filter(Boolean);
  if (off.length) lines.push(`No ${off.join(', ')}.`);
  if (r.isFlairRequired) lines.push('A flair is required.');
  if (r.titleMin !== null || r.titleMax !== null) lines.push(`Titles of ${r.titleMin ?? 1}–${r.titleMax ?? REDDIT_TITLE_MAX} characters.`);
  if (r.titleBlacklistedStrings.length) lines.push(`Titles must not contain ${r.titleBlacklistedStrings.map((s) => `“${s}”`).join(', ')}.`);
  if (r.titleRequiredStrings.length) lines.push(`Titles must contain ${r.titleRequiredStrings.map((s) => `“${s}”`).join(' or ')}.`);
  if (r.bodyPolicy === 'required') lines.push('Text posts need a body.');
  if (r.bodyPolicy === 'notAllowed') lines.push('Text posts have no body (title only).');
  if (r.domainBlacklist.length) lines.push(`No links to ${r.domainBlacklist.join(', ')}.`);
  if (r.linkPolicy === 'whitelist' && r.domainWhitelist.length) lines.push(`Links only to ${r.domainWhitelist.join(', ')}.`);
  if (!lines.length && !r.guidelines) return <p className="muted small">r/{rules.name} sets no special requirements for posts.</p>;
  return (
    <div className="muted small" data-testid="reddit-requirements">
      <strong>r/{rules.name} asks:</strong> {lines.join(' ')}
      {r.guidelines ? <blockquote className="reddit-guidelines">{r.guidelines}</blockquote> : null}
    </div>
  );
}

function SubredditPicker({ channel, value, options, onPick }: { channel: OptionsPanelProps['channel']; value: string; options: SubredditSummary[]; onPick: (name: string) => void }) {
  const id = useId();
  const [typed, setTyped] = useState(value);
  const [open, setOpen] = useState(false);
  const query = useDeferredValue(typed.replace(/^\/?r\//i, '').trim());
  const search = useSubredditSearch(channel, query, open);
  const lower = query.toLowerCase();
  const own = options.filter((s) => !lower || s.name.toLowerCase().includes(lower));
  const found = search.data?.subreddits ?? [];
  const shown = [...own, ...found.filter((s) => !own.some((o) => o.name.toLowerCase() === s.name.toLowerCase()))].slice(0, 12);
  const pick = (name: string) => {
    setTyped(name);
    setOpen(false);
    onPick(name);
  };
  return (
    <div className="reddit-picker">
      <div className="reddit-picker-input">
        <span aria-hidden="true">r/</span>
        <input
          id={`${id}-sr`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          autoComplete="off"
          placeholder="Choose a subreddit…"
          value={typed}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => {
            setTyped(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              const exact = shown.find((s) => s.name.toLowerCase() === lower) ?? shown[0];
              if (exact) pick(exact.name);
              else if (/^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/.test(query)) pick(query);
            }
          }}
        />
      </div>
      {open ? (
        <ul className="reddit-picker-list" role="listbox" id={`${id}-list`} aria-label="Subreddits">
          {shown.map((s) => (
            <li key={s.name} role="option" aria-selected={s.name.toLowerCase() === value.toLowerCase()} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(s.name)}>
              <strong>r/{s.name}</strong> <span className="muted small">{[relationWords[s.relation], members(s.subscribers), s.over18 ? 'NSFW' : ''].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {search.isFetching ? <li className="muted small">Searching Reddit…</li> : null}
          {!shown.length && !search.isFetching ? <li className="muted small">{query.length < 2 ? 'Type a subreddit’s name' : 'No subreddit found'}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

export function RedditOptions({ channel, settings, onChange, errorFor, files, preflight }: OptionsPanelProps) {
  const id = useId();
  const subreddit = typeof settings.subreddit === 'string' ? settings.subreddit : '';
  const rules = useSubredditRules(channel, subreddit || undefined);
  const title = typeof settings.title === 'string' ? settings.title : '';
  const details = rules.data?.subreddit;
  const titleMax = Math.min(REDDIT_TITLE_MAX, details?.requirements.titleMax ?? REDDIT_TITLE_MAX);
  const flairs = (details?.flairs ?? []).filter((f) => !f.modOnly);
  const flair = flairs.find((f) => f.id === settings.flairId);
  const flairRequired = details?.requirements.isFlairRequired ?? false;
  const shape = mediaShape(files);
  const set = (change: Record<string, unknown>) => onChange(withValues(settings, change));
  const error = (field: string) => errorFor(`settings.${field}`);
  const switchBox = (key: 'nsfw' | 'spoiler' | 'sendReplies', label: string, fallback: boolean) => (
    <label className="cm-switch">
      <input type="checkbox" checked={typeof settings[key] === 'boolean' ? (settings[key] as boolean) : fallback} onChange={(e) => set({ [key]: e.target.checked })} />
      <span>{label}</span>
    </label>
  );

  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="reddit-panel">
      <NetworkCardHead channel={channel} title="Reddit" id={`${id}-title`} />
      {preflight.isPending && preflight.enabled ? <Loading label="Reading your subreddits…" /> : null}
      <div className={error('subreddit') ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-sr`}>Subreddit</label>
        <SubredditPicker channel={channel} value={subreddit} options={subredditsOf(preflight.data)} onPick={(name) => set({ subreddit: name, flairId: undefined, flairText: undefined })} />
        <FieldMessage message={error('subreddit')} id={`${id}-sr-error`} />
      </div>
      {rules.isPending && subreddit ? <Loading label={`Reading r/${subreddit}’s rules…`} /> : null}
      <FormError message={rules.error ? `${formErrors(rules.error, []).general ?? 'Reddit did not answer'} — r/${subreddit}’s rules could not be read.` : undefined} />
      {details ? <RequirementsNote rules={details} /> : null}
      <div className={error('title') ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-post-title`}>
          Title{' '}
          <span className={[...title].length > titleMax ? 'small field-error' : 'muted small'} aria-live="polite">
            {[...title].length}/{titleMax}
          </span>
        </label>
        <input id={`${id}-post-title`} value={title} maxLength={REDDIT_TITLE_MAX} aria-invalid={error('title') ? true : undefined} placeholder="What the post is about" onChange={(e) => set({ title: e.target.value })} />
        <FieldMessage message={error('title')} id={`${id}-title-error`} />
      </div>
      <div className="cm-options-grid">
        <div className={error('flairId') ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-flair`}>Flair {flairRequired ? <span className="badge">required</span> : <span className="muted small">(optional)</span>}</label>
          <select id={`${id}-flair`} value={flair?.id ?? ''} disabled={!flairs.length} aria-invalid={error('flairId') ? true : undefined} onChange={(e) => set({ flairId: e.target.value || undefined, flairText: undefined })}>
            <option value="">{!details ? 'Choose the subreddit first' : flairs.length ? 'No flair' : 'This subreddit has no post flairs'}</option>
            {flairs.map((f) => (
              <option key={f.id} value={f.id}>
                {f.text}
                {f.textEditable ? ' (text can be changed)' : ''}
              </option>
            ))}
          </select>
          <FieldMessage message={error('flairId')} id={`${id}-flair-error`} />
        </div>
        {flair?.textEditable ? (
          <div className={error('flairText') ? 'field has-error' : 'field'}>
            <label htmlFor={`${id}-flair-text`}>Flair text</label>
            <input id={`${id}-flair-text`} value={String(settings.flairText ?? '')} maxLength={REDDIT_FLAIR_TEXT_MAX} placeholder={flair.text} onChange={(e) => set({ flairText: e.target.value })} />
            <FieldMessage message={error('flairText')} id={`${id}-flair-text-error`} />
          </div>
        ) : null}
      </div>
      <fieldset className="cm-segment">
        <legend className="label">Post kind</legend>
        {shape === 'none' ? (
          <>
            <label>
              <input type="radio" name={`${id}-kind`} checked={settings.kind !== 'link'} onChange={() => set({ kind: 'text' })} />
              <span>Text (the post’s text is its Markdown body)</span>
            </label>
            <label>
              <input type="radio" name={`${id}-kind`} checked={settings.kind === 'link'} onChange={() => set({ kind: 'link' })} />
              <span>Link (the post’s text is the link)</span>
            </label>
          </>
        ) : (
          <p className="muted small">
            {shape === 'image' ? 'Image post' : shape === 'gallery' ? `Gallery of ${files.length} images (each image’s alt text is its caption)` : shape === 'video' ? 'Video post (the image is its poster)' : 'A post is one image, a gallery or one video'}: image, video and gallery posts have no body text.
          </p>
        )}
        <FieldMessage message={error('kind')} id={`${id}-kind-error`} />
      </fieldset>
      <div className="cm-options-grid">
        {switchBox('nsfw', 'NSFW (18+)', false)}
        {switchBox('spoiler', 'Spoiler', false)}
        {switchBox('sendReplies', 'Send replies to my inbox', true)}
      </div>
    </section>
  );
}
