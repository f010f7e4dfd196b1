// The post's content: the channels it goes to, then the shared text and media with a tab per
// channel (customised or not), thread parts and first comment where the networks take them.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatCount } from '../../components/format.ts';
import { networkWeb } from '../../../networks/web.ts';
import { publishingRules, type ChannelLimits } from '../../../shared/publishing-rules.ts';
import { ChannelAvatar, NetworkMark } from '../../components/network-mark.tsx';
import { isNetwork, networkLabel } from '../../components/networks.ts';
import type { Channel } from '../channels/channels.api.ts';
import { SnippetsMenu } from '../snippets/snippets-menu.tsx';
import { MediaBox } from './composer-media.tsx';
import type { Draft, MediaSlot } from './composer-model.ts';
import type { useUploads } from './composer-uploads.ts';

const unique = (messages: string[]) => [...new Set(messages)];
/** What a network calls a post's text ("caption", "description"), from the network's module (English; "text" otherwise). */
const textNoun = (network: string) => networkWeb(network)?.textNoun ?? null;
const takesThreads = (c: Channel) => isNetwork(c.network) && publishingRules[c.network].replyChains;
const takesFirstComment = (c: Channel) => isNetwork(c.network) && publishingRules[c.network].firstComment;

function Counter({ network, used, max, unit }: { network: string; used: number; max: number; unit: string }) {
  const { t } = useTranslation('posts');
  const over = used > max;
  const unitWords = t(`composer.counter.units.${unit}`, { defaultValue: unit });
  return (
    <span
      className={over ? 'cm-counter is-over' : used > max * 0.9 ? 'cm-counter is-near' : 'cm-counter'}
      data-testid={`counter-${network}`}
      title={t('composer.counter.title', { used: formatCount(used), max: formatCount(max), unit: unitWords })}
    >
      <NetworkMark network={network} />
      {networkLabel(network)} <strong>{formatCount(max - used)}</strong>
      <span className="offscreen">
        {' '}
        {t('composer.counter.left', { unit: unitWords })}
        {over ? t('composer.counter.tooMany', { n: formatCount(used - max) }) : ''}
      </span>
    </span>
  );
}

function Counters({ text, channels, limits }: { text: string; channels: Channel[]; limits: Record<string, ChannelLimits> }) {
  const seen = new Set<string>();
  const items: ReactNode[] = [];
  for (const channel of channels) {
    if (!isNetwork(channel.network) || seen.has(channel.network)) continue;
    seen.add(channel.network);
    const limit = publishingRules[channel.network].textLimit(limits[channel.id] ?? {});
    items.push(<Counter key={channel.network} network={channel.network} used={limit.count(text)} max={limit.max} unit={limit.unit} />);
  }
  return items.length ? <div className="cm-counters">{items}</div> : null;
}

export function Errors({ messages, id }: { messages: string[]; id?: string }) {
  if (!messages.length) return null;
  return (
    <div id={id} className="cm-errors">
      {messages.map((m) => (
        <p key={m} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}

export function ChannelPicker({ channels, selected, onToggle }: { channels: Channel[]; selected: string[]; onToggle: (id: string) => void }) {
  const { t } = useTranslation('posts');
  return (
    <fieldset className="cm-picker">
      <legend className="label">{t('composer.picker.legend')}</legend>
      <div className="cm-chips">
        {channels.map((c) => {
          const on = selected.includes(c.id);
          const troubled = c.status === 'needs_reauth';
          return (
            <label key={c.id} className={on ? 'cm-chip is-on' : 'cm-chip'} title={troubled ? t('composer.picker.reconnectHint') : undefined}>
              <input type="checkbox" checked={on} onChange={() => onToggle(c.id)} />
              <span className="cm-chip-avatar">
                <ChannelAvatar network={c.network} src={c.avatar} size="sm" />
              </span>
              <span className="cm-chip-text">
                <span className="cm-chip-name">{c.displayName ?? c.username}</span>
                <span className="cm-chip-network">
                  {networkLabel(c.network)}
                  {troubled ? t('composer.picker.reconnect') : ''}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

type ContentProps = {
  baseId: string;
  draft: Draft;
  edit: (change: (d: Draft) => Draft) => void;
  selected: Channel[];
  uploads: ReturnType<typeof useUploads>;
  limits: Record<string, ChannelLimits>;
  /** The messages shown for a field of these channels. */
  messagesFor: (field: string, channelIds: string[]) => string[];
  channelHasIssues: (channelId: string) => boolean;
};

/** The text and media: "All channels" and one tab per selected channel (arrow keys move between them). */
export function ContentTabs({ baseId, draft, edit, selected, uploads, limits, messagesFor, channelHasIssues }: ContentProps) {
  const { t } = useTranslation('posts');
  /** "caption", "text"… as a word of the interface. */
  const nounOf = (network: string) => t(`composer.nouns.${textNoun(network) ?? 'text'}`, { defaultValue: textNoun(network) ?? 'text' });
  const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const [tab, setTab] = useState<string>('all');
  const customised = (id: string) => !!draft.overrides[id];
  const sharedIds = selected.filter((c) => !customised(c.id)).map((c) => c.id);
  const tabIds = ['all', ...selected.map((c) => c.id)];
  const activeTab = tabIds.includes(tab) ? tab : 'all';
  const tabChannel = selected.find((c) => c.id === activeTab);
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabIds.indexOf(activeTab);
    const nextIndex = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabIds.length - 1 : null;
    if (nextIndex === null) return;
    e.preventDefault();
    const id = tabIds[(nextIndex + tabIds.length) % tabIds.length]!;
    setTab(id);
    document.getElementById(`${baseId}-tab-${id}`)?.focus();
  };
  const threads = selected.some(takesThreads);
  // The visible text box (one per tab), where the snippets menu inserts at the caret.
  const textBox = useRef<HTMLTextAreaElement>(null);
  const firstComments = selected.filter(takesFirstComment);

  const editor = (label: string, mediaLabel: string, text: string, onText: (t: string) => void, slots: MediaSlot[], onSlots: (s: MediaSlot[]) => void, ids: string[], counterChannels: Channel[]) => {
    const textErrors = messagesFor('text', ids);
    const mediaErrors = messagesFor('media', ids);
    const fieldId = `${baseId}-text-${activeTab}`;
    return (
      <>
        <div className={textErrors.length ? 'field has-error cm-text-field' : 'field cm-text-field'}>
          <label htmlFor={fieldId} className="offscreen">
            {label}
          </label>
          <textarea
            ref={textBox}
            id={fieldId}
            className="cm-textarea"
            value={text}
            rows={7}
            placeholder={t('composer.text.placeholder')}
            aria-invalid={textErrors.length ? true : undefined}
            aria-describedby={textErrors.length ? `${fieldId}-errors` : undefined}
            onChange={(e) => onText(e.target.value)}
          />
          <div className="cm-editor-foot">
            <SnippetsMenu text={text} onText={onText} textarea={textBox} label={label.toLowerCase()} />
            <Counters text={text} channels={counterChannels} limits={limits} />
          </div>
          <Errors messages={textErrors} id={`${fieldId}-errors`} />
        </div>
        <MediaBox slots={slots} onChange={onSlots} uploads={uploads} label={mediaLabel} errors={mediaErrors} />
      </>
    );
  };

  return (
    <>
      {selected.length ? (
        <div className="cm-tabs" role="tablist" aria-label={t('composer.tabs.label')}>
          {tabIds.map((id) => {
            const channel = selected.find((c) => c.id === id);
            return (
              <button
                key={id}
                id={`${baseId}-tab-${id}`}
                type="button"
                role="tab"
                aria-selected={activeTab === id}
                aria-controls={`${baseId}-panel`}
                tabIndex={activeTab === id ? 0 : -1}
                className="cm-tab"
                onClick={() => setTab(id)}
                onKeyDown={onTabKey}
              >
                {channel ? (
                  <>
                    <NetworkMark network={channel.network} />
                    {networkLabel(channel.network)}
                    {selected.filter((c) => c.network === channel.network).length > 1 ? ` · ${channel.username}` : ''}
                    {customised(id) ? <span className="cm-tab-tag">{t('composer.tabs.custom')}</span> : null}
                  </>
                ) : (
                  t('composer.tabs.all')
                )}
                {channel && channelHasIssues(id) ? (
                  <span className="cm-tab-alert" aria-label={t('composer.tabs.hasProblems')}>
                    !
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
      ) : null}
      <div id={`${baseId}-panel`} role={selected.length ? 'tabpanel' : undefined} aria-labelledby={selected.length ? `${baseId}-tab-${activeTab}` : undefined} className="cm-panel">
        {tabChannel ? (
          customised(tabChannel.id) ? (
            <>
              <div className="cm-custom-bar">
                <span className="small muted">
                  {t('composer.custom.only', { network: networkLabel(tabChannel.network), account: tabChannel.displayName ?? tabChannel.username, noun: nounOf(tabChannel.network) })}
                </span>
                <button
                  type="button"
                  className="btn-text small"
                  onClick={() =>
                    edit((d) => {
                      const { [tabChannel.id]: _gone, ...rest } = d.overrides;
                      return { ...d, overrides: rest };
                    })
                  }
                >
                  {t('composer.custom.useShared')}
                </button>
              </div>
              {editor(
                t('composer.custom.textFor', { noun: capitalised(nounOf(tabChannel.network)), network: networkLabel(tabChannel.network) }),
                t('composer.custom.mediaFor', { noun: nounOf(tabChannel.network), network: networkLabel(tabChannel.network) }),
                draft.overrides[tabChannel.id]!.text,
                (text) => edit((d) => ({ ...d, overrides: { ...d.overrides, [tabChannel.id]: { ...d.overrides[tabChannel.id]!, text } } })),
                draft.overrides[tabChannel.id]!.media,
                (media) => edit((d) => ({ ...d, overrides: { ...d.overrides, [tabChannel.id]: { ...d.overrides[tabChannel.id]!, media } } })),
                [tabChannel.id],
                [tabChannel],
              )}
            </>
          ) : (
            <div className="cm-uses-shared">
              <p>
                <Trans t={t} i18nKey="composer.custom.usesShared" values={{ network: networkLabel(tabChannel.network) }} components={{ em: <em /> }} />
              </p>
              <button
                type="button"
                className="btn"
                onClick={() => edit((d) => ({ ...d, overrides: { ...d.overrides, [tabChannel.id]: { text: d.text, media: [...d.media] } } }))}
              >
                {t('composer.custom.customise', { network: networkLabel(tabChannel.network) })}
              </button>
              <Errors messages={unique([...messagesFor('text', [tabChannel.id]), ...messagesFor('media', [tabChannel.id])])} />
            </div>
          )
        ) : (
          <>
            {editor(
              t('composer.text.shared'),
              t('composer.text.sharedMedia'),
              draft.text,
              (text) => edit((d) => ({ ...d, text })),
              draft.media,
              (media) => edit((d) => ({ ...d, media })),
              sharedIds,
              selected.filter((c) => !customised(c.id)),
            )}
            {threads ? (
              <div className="cm-thread">
                {draft.threadParts.map((text, index) => {
                  const partErrors = messagesFor(`parts.${index + 1}.text`, selected.map((c) => c.id));
                  const partId = `${baseId}-part-${index}`;
                  return (
                    <div key={index} className={partErrors.length ? 'field has-error cm-part' : 'field cm-part'}>
                      <div className="field-label-row">
                        <label htmlFor={partId}>{t('composer.thread.part', { n: index + 2 })}</label>
                        <button
                          type="button"
                          className="btn-text small"
                          aria-label={t('composer.thread.removePart', { n: index + 2 })}
                          onClick={() => edit((d) => ({ ...d, threadParts: d.threadParts.filter((_, i) => i !== index) }))}
                        >
                          {t('composer.remove')}
                        </button>
                      </div>
                      <textarea
                        id={partId}
                        className="cm-textarea cm-textarea-part"
                        rows={3}
                        value={text}
                        aria-invalid={partErrors.length ? true : undefined}
                        onChange={(e) => edit((d) => ({ ...d, threadParts: d.threadParts.map((t, i) => (i === index ? e.target.value : t)) }))}
                      />
                      <Counters text={text} channels={selected.filter((c) => takesThreads(c))} limits={limits} />
                      <Errors messages={partErrors} />
                    </div>
                  );
                })}
                <button type="button" className="btn btn-ghost btn-sm cm-add-part" onClick={() => edit((d) => ({ ...d, threadParts: [...d.threadParts, ''] }))}>
                  {t('composer.thread.add')}
                </button>
                <span className="small muted">
                  {' '}
                  {t('composer.thread.hint', { networks: unique(selected.filter((c) => takesThreads(c)).map((c) => networkLabel(c.network))).join(t('composer.and')) })}
                </span>
              </div>
            ) : null}
            {firstComments.length ? (
              <div className={messagesFor('firstComment', sharedIds).length ? 'field has-error' : 'field'}>
                <label htmlFor={`${baseId}-comment`}>{t('composer.firstComment.label')}</label>
                <textarea
                  id={`${baseId}-comment`}
                  className="cm-textarea cm-textarea-part"
                  rows={2}
                  value={draft.firstComment}
                  placeholder={t('composer.firstComment.placeholder')}
                  onChange={(e) => edit((d) => ({ ...d, firstComment: e.target.value }))}
                />
                <span className="field-hint">{t('composer.firstComment.hint', { networks: unique(firstComments.map((c) => networkLabel(c.network))).join(t('composer.and')) })}</span>
                <Errors messages={messagesFor('firstComment', selected.map((c) => c.id))} />
              </div>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
