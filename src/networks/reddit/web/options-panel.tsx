// Reddit's composer panel: the subreddit (typed, with the person's own subreddits first and then
// Reddit's search), what that subreddit requires (read from Reddit and kept on the channel, so a
// save is checked against it), the flair (marked required when it is), the title with its counter,
// the post kind, and the NSFW, spoiler and inbox-replies switches.
import { useDeferredValue, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../web/components/feedback.tsx';
import { formatLocale } from '../../../web/components/format.ts';
import { formErrors } from '../../../web/components/form-errors.ts';
import { Loading } from '../../../web/components/status.tsx';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { mediaShape, reddit, REDDIT_FLAIR_TEXT_MAX, REDDIT_TITLE_MAX } from '../descriptor.ts';
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

/** How Reddit writes a subreddit's name, in every language. */
const subredditPrefix = 'r/';
type RedditT = TFunction<'network-reddit'>;
const relationWords = (relation: SubredditSummary['relation'], t: RedditT) => (relation === 'search' ? '' : t(`web.picker.${relation}`));
const members = (n: number | null, t: RedditT) => {
  if (n === null) return '';
  if (n < 1000) return t('web.picker.members', { count: n });
  return t('web.picker.thousandsOfMembers', { number: (Math.round(n / 100) / 10).toLocaleString(formatLocale()) });
};

/** What the subreddit asks of posts, in a few lines the person reads before writing. */
function RequirementsNote({ rules }: { rules: SubredditRules }) {
  const { t } = useTranslation('network-reddit');
  const r = rules.requirements;
  const lines: string[] = [];
  const quoted = (list: string[]) => list.map((s) => `“${s}”`);
  if (rules.submissionType === 'link') lines.push(t('web.requirements.linksOnly'));
  if (rules.submissionType === 'self') lines.push(t('web.requirements.textOnly'));
  const off = (['images', 'videos', 'galleries'] as const).filter((kind) => !{ images: rules.allowImages, videos: rules.allowVideos, galleries: rules.allowGalleries }[kind]);
  if (off.length) lines.push(t('web.requirements.noKinds', { kinds: off.map((kind) => t(`web.requirements.kinds.${kind}`)).join(', ') }));
  if (r.isFlairRequired) lines.push(t('web.requirements.flairRequired'));
  if (r.titleMin !== null || r.titleMax !== null) lines.push(t('web.requirements.titleLength', { min: r.titleMin ?? 1, max: r.titleMax ?? REDDIT_TITLE_MAX }));
  if (r.titleBlacklistedStrings.length) lines.push(t('web.requirements.titleBanned', { strings: quoted(r.titleBlacklistedStrings).join(', ') }));
  if (r.titleRequiredStrings.length) lines.push(t('web.requirements.titleRequired', { strings: quoted(r.titleRequiredStrings).join(t('web.requirements.or')) }));
  if (r.bodyPolicy === 'required') lines.push(t('web.requirements.bodyRequired'));
  if (r.bodyPolicy === 'notAllowed') lines.push(t('web.requirements.bodyNotAllowed'));
  if (r.domainBlacklist.length) lines.push(t('web.requirements.domainsBanned', { domains: r.domainBlacklist.join(', ') }));
  if (r.linkPolicy === 'whitelist' && r.domainWhitelist.length) lines.push(t('web.requirements.domainsOnly', { domains: r.domainWhitelist.join(', ') }));
  if (!lines.length && !r.guidelines) return <p className="muted small">{t('web.requirements.nothingSpecial', { name: rules.name })}</p>;
  return (
    <div className="muted small" data-testid="reddit-requirements">
      <strong>{t('web.requirements.asks', { name: rules.name })}</strong> {lines.join(' ')}
      {r.guidelines ? <blockquote className="reddit-guidelines">{r.guidelines}</blockquote> : null}
    </div>
  );
}

function SubredditPicker({ channel, value, options, onPick }: { channel: OptionsPanelProps['channel']; value: string; options: SubredditSummary[]; onPick: (name: string) => void }) {
  const { t } = useTranslation('network-reddit');
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
        <span aria-hidden="true">{subredditPrefix}</span>
        <input
          id={`${id}-sr`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          autoComplete="off"
          placeholder={t('web.picker.placeholder')}
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
        <ul className="reddit-picker-list" role="listbox" id={`${id}-list`} aria-label={t('web.picker.list')}>
          {shown.map((s) => (
            <li key={s.name} role="option" aria-selected={s.name.toLowerCase() === value.toLowerCase()} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(s.name)}>
              <strong>r/{s.name}</strong> <span className="muted small">{[relationWords(s.relation, t), members(s.subscribers, t), s.over18 ? 'NSFW' : ''].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {search.isFetching ? <li className="muted small">{t('web.picker.searching')}</li> : null}
          {!shown.length && !search.isFetching ? <li className="muted small">{query.length < 2 ? t('web.picker.typeName') : t('web.picker.noneFound')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

export function RedditOptions({ channel, settings, onChange, errorFor, files, preflight }: OptionsPanelProps) {
  const { t } = useTranslation('network-reddit');
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
      <NetworkCardHead channel={channel} title={reddit.label} id={`${id}-title`} />
      {preflight.isPending && preflight.enabled ? <Loading label={t('web.options.readingSubreddits')} /> : null}
      <div className={error('subreddit') ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-sr`}>{t('web.options.subreddit')}</label>
        <SubredditPicker channel={channel} value={subreddit} options={subredditsOf(preflight.data)} onPick={(name) => set({ subreddit: name, flairId: undefined, flairText: undefined })} />
        <FieldMessage message={error('subreddit')} id={`${id}-sr-error`} />
      </div>
      {rules.isPending && subreddit ? <Loading label={t('web.options.readingRules', { name: subreddit })} /> : null}
      <FormError message={rules.error ? t('web.options.rulesUnread', { reason: formErrors(rules.error, []).general ?? t('web.options.noAnswer'), name: subreddit }) : undefined} />
      {details ? <RequirementsNote rules={details} /> : null}
      <div className={error('title') ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-post-title`}>
          {t('web.options.title')}{' '}
          <span className={[...title].length > titleMax ? 'small field-error' : 'muted small'} aria-live="polite">
            {[...title].length}/{titleMax}
          </span>
        </label>
        <input id={`${id}-post-title`} value={title} maxLength={REDDIT_TITLE_MAX} aria-invalid={error('title') ? true : undefined} placeholder={t('web.options.titlePlaceholder')} onChange={(e) => set({ title: e.target.value })} />
        <FieldMessage message={error('title')} id={`${id}-title-error`} />
      </div>
      <div className="cm-options-grid">
        <div className={error('flairId') ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-flair`}>{t('web.options.flair')} {flairRequired ? <span className="badge">{t('web.options.required')}</span> : <span className="muted small">{t('web.options.optional')}</span>}</label>
          <select id={`${id}-flair`} value={flair?.id ?? ''} disabled={!flairs.length} aria-invalid={error('flairId') ? true : undefined} onChange={(e) => set({ flairId: e.target.value || undefined, flairText: undefined })}>
            <option value="">{!details ? t('web.options.chooseSubredditFirst') : flairs.length ? t('web.options.noFlair') : t('web.options.noFlairs')}</option>
            {flairs.map((f) => (
              <option key={f.id} value={f.id}>
                {f.text}
                {f.textEditable ? t('web.options.textEditable') : ''}
              </option>
            ))}
          </select>
          <FieldMessage message={error('flairId')} id={`${id}-flair-error`} />
        </div>
        {flair?.textEditable ? (
          <div className={error('flairText') ? 'field has-error' : 'field'}>
            <label htmlFor={`${id}-flair-text`}>{t('web.options.flairText')}</label>
            <input id={`${id}-flair-text`} value={String(settings.flairText ?? '')} maxLength={REDDIT_FLAIR_TEXT_MAX} placeholder={flair.text} onChange={(e) => set({ flairText: e.target.value })} />
            <FieldMessage message={error('flairText')} id={`${id}-flair-text-error`} />
          </div>
        ) : null}
      </div>
      <fieldset className="cm-segment">
        <legend className="label">{t('web.options.postKind')}</legend>
        {shape === 'none' ? (
          <>
            <label>
              <input type="radio" name={`${id}-kind`} checked={settings.kind !== 'link'} onChange={() => set({ kind: 'text' })} />
              <span>{t('web.options.textPost')}</span>
            </label>
            <label>
              <input type="radio" name={`${id}-kind`} checked={settings.kind === 'link'} onChange={() => set({ kind: 'link' })} />
              <span>{t('web.options.linkPost')}</span>
            </label>
          </>
        ) : (
          <p className="muted small">
            {t('web.options.mediaNoBody', {
              shape:
                shape === 'image'
                  ? t('web.options.imagePost')
                  : shape === 'gallery'
                    ? t('web.options.galleryPost', { count: files.length })
                    : shape === 'video'
                      ? t('web.options.videoPost')
                      : t('web.options.mixedPost'),
            })}
          </p>
        )}
        <FieldMessage message={error('kind')} id={`${id}-kind-error`} />
      </fieldset>
      <div className="cm-options-grid">
        {switchBox('nsfw', t('web.options.nsfw'), false)}
        {switchBox('spoiler', t('web.options.spoiler'), false)}
        {switchBox('sendReplies', t('web.options.sendReplies'), true)}
      </div>
    </section>
  );
}
