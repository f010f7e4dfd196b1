import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { publishingRules, type ChannelLimits } from '../../../shared/publishing-rules.ts';
import { api, isApiError } from '../../api/client.ts';
import { Avatar } from '../../components/avatar.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useChannels, type Channel } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { MediaBox } from './composer-media.tsx';
import {
  channelIssues,
  draftFromPost,
  emptyDraft,
  instantOf,
  isNetwork,
  limitsFor,
  localInputs,
  networkLabels,
  serverIssues,
  toComposeInput,
  type ChannelIssue,
  type Draft,
  type MediaSlot,
} from './composer-model.ts';
import { BlueskyOptions, MastodonOptions } from './composer-options.tsx';
import { Preview } from './composer-preview.tsx';
import { TikTokPanel } from './composer-tiktok-panel.tsx';
import { useUploads } from './composer-uploads.ts';
import { useCreatePost, usePost, useSchedulePost, useUpdatePost, type CreatorInfo, type Media, type Post, type Schedule } from './posts.api.ts';
import './composer.css';

type When = 'queue' | 'at' | 'now';

const labelOf = (network: string) => (isNetwork(network) ? networkLabels[network] : network);
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Shown until a save is attempted: an empty post is not yet a mistake. */
const isQuiet = (issue: ChannelIssue) => /write something or add media|add a video or photos|the post is empty/.test(issue.message);
const unique = (messages: string[]) => [...new Set(messages)];

/** Initial settings per network: TikTok's interactions start off, as its guidelines require. */
function initialSettings(network: string): Record<string, unknown> {
  if (network === 'tiktok') return { mode: 'direct', disableComment: true, disableDuet: true, disableStitch: true };
  if (network === 'mastodon') return { visibility: 'public' };
  return {};
}

function zoneName(at: Date) {
  const short = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}

function Counter({ network, used, max, unit }: { network: string; used: number; max: number; unit: string }) {
  const over = used > max;
  return (
    <span className={over ? 'cm-counter is-over' : used > max * 0.9 ? 'cm-counter is-near' : 'cm-counter'} data-testid={`counter-${network}`} title={`${used} of ${max} ${unit}`}>
      <span className={`cm-net-dot net-${network}`} aria-hidden="true" />
      {labelOf(network)} <strong>{max - used}</strong>
      <span className="offscreen">
        {' '}
        {unit} left{over ? `, ${used - max} too many` : ''}
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

function Errors({ messages, id }: { messages: string[]; id?: string }) {
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

function ChannelPicker({ channels, selected, onToggle }: { channels: Channel[]; selected: string[]; onToggle: (id: string) => void }) {
  return (
    <fieldset className="cm-picker">
      <legend className="label">Post to</legend>
      <div className="cm-chips">
        {channels.map((c) => {
          const on = selected.includes(c.id);
          const troubled = c.status === 'needs_reauth';
          return (
            <label key={c.id} className={on ? 'cm-chip is-on' : 'cm-chip'} title={troubled ? 'Reconnect this account on the Channels page' : undefined}>
              <input type="checkbox" checked={on} onChange={() => onToggle(c.id)} />
              <span className="cm-chip-avatar">
                <Avatar name={c.displayName ?? c.network} src={c.avatar} size="sm" />
                <span className={`cm-net-dot net-${c.network}`} aria-hidden="true" />
              </span>
              <span className="cm-chip-text">
                <span className="cm-chip-name">{c.displayName ?? c.username}</span>
                <span className="cm-chip-network">
                  {labelOf(c.network)}
                  {troubled ? ' · reconnect needed' : ''}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function ComposerPage() {
  const workspace = useWorkspace();
  const { postId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const channelsQuery = useChannels(workspace.id);
  const existing = usePost(workspace.id, postId);
  const uploads = useUploads(workspace.id);
  const { adopt } = uploads;
  const create = useCreatePost(workspace.id);
  const update = useUpdatePost(workspace.id);
  const reschedule = useSchedulePost(workspace.id);
  const baseId = useId();

  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [loaded, setLoaded] = useState(!postId);
  const [tab, setTab] = useState<string>('all');
  const [attempted, setAttempted] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [fromServer, setFromServer] = useState<ChannelIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const prefill = params.get('at');
  const initialAt = prefill && !Number.isNaN(new Date(prefill).getTime()) ? new Date(prefill) : null;
  const [when, setWhen] = useState<When | null>(initialAt ? 'at' : null);
  const [date, setDate] = useState(() => localInputs(initialAt ?? new Date(Date.now() + 60 * 60 * 1000)).date);
  const [time, setTime] = useState(() => (initialAt ? localInputs(initialAt).time : `${String(new Date(Date.now() + 60 * 60 * 1000).getHours()).padStart(2, '0')}:00`));

  // Editing: the stored post, and the facts of its media, fill the composer once.
  useEffect(() => {
    const post: Post | undefined = existing.data;
    if (!post || loaded) return;
    const next = draftFromPost(post);
    setDraft(next);
    if (post.publishAt) {
      const at = localInputs(new Date(post.publishAt));
      setDate(at.date);
      setTime(at.time);
      setWhen('at');
    }
    const ids = unique([...next.media, ...Object.values(next.overrides).flatMap((o) => o.media)].map((m) => m.key));
    void Promise.all(ids.map((id) => api.get<Media>(`/api/v1/workspaces/${workspace.id}/media/${id}`).catch(() => null))).then((found) =>
      adopt(found.filter((m): m is Media => !!m)),
    );
    setLoaded(true);
  }, [existing.data, loaded, adopt, workspace.id]);

  const allChannels = useMemo(() => (channelsQuery.data?.items ?? []).filter((c) => c.status !== 'disconnected' && isNetwork(c.network)), [channelsQuery.data]);
  const selected = useMemo(() => allChannels.filter((c) => draft.channelIds.includes(c.id)), [allChannels, draft.channelIds]);
  const tiktokChannels = selected.filter((c) => c.network === 'tiktok');
  const creatorQueries = useQueries({
    queries: tiktokChannels.map((c) => ({
      queryKey: ['workspaces', workspace.id, 'channels', c.id, 'creator-info'],
      queryFn: () => api.get<CreatorInfo>(`/api/v1/workspaces/${workspace.id}/channels/${c.id}/creator-info`),
      staleTime: 60_000,
      retry: false,
      // Creator info concerns direct posts (and needs video.publish): inbox drafts go without it.
      enabled: !c.missingFeatures.includes('publish') && draft.settings[c.id]?.mode !== 'inbox',
    })),
  });
  const creatorOf = (channelId: string) => creatorQueries[tiktokChannels.findIndex((c) => c.id === channelId)];
  const limits: Record<string, ChannelLimits> = {};
  for (const c of selected) limits[c.id] = limitsFor(c, creatorOf(c.id)?.data);

  const nextSlot = useQuery({
    queryKey: ['workspaces', workspace.id, 'queue-next', draft.channelIds.join(',')],
    queryFn: () => api.get<{ at: string | null; timeZone: string }>(`/api/v1/workspaces/${workspace.id}/queue/next?channelIds=${encodeURIComponent(draft.channelIds.join(','))}`),
    enabled: draft.channelIds.length > 0,
  });
  const mode: When = when ?? (nextSlot.data?.at ? 'queue' : 'at');

  const edit = (change: (d: Draft) => Draft) => {
    setDraft(change);
    setFromServer([]);
    setSubmitError(null);
  };
  const toggleChannel = (id: string) =>
    edit((d) => {
      const on = d.channelIds.includes(id);
      const channel = allChannels.find((c) => c.id === id)!;
      return {
        ...d,
        channelIds: on ? d.channelIds.filter((x) => x !== id) : [...d.channelIds, id],
        settings: d.settings[id] ? d.settings : { ...d.settings, [id]: initialSettings(channel.network) },
      };
    });
  const setSettings = (id: string, settings: Record<string, unknown>) => edit((d) => ({ ...d, settings: { ...d.settings, [id]: settings } }));

  // What the rules say, for a draft and for publishing; plus what the server answered last time.
  const draftIssues = channelIssues(draft, selected, uploads.uploads, limits, false);
  const publishIssues = channelIssues(draft, selected, uploads.uploads, limits, true);
  const shown = [...publishIssues.filter((i) => attempted || !isQuiet(i)), ...fromServer];
  const customised = (id: string) => !!draft.overrides[id];
  const messagesFor = (field: string, channelIds: string[]) => unique(shown.filter((i) => i.field === field && channelIds.includes(i.channelId)).map((i) => i.message));
  const sharedIds = selected.filter((c) => !customised(c.id)).map((c) => c.id);
  const usedSlots = [...draft.media, ...Object.entries(draft.overrides).filter(([id]) => draft.channelIds.includes(id)).flatMap(([, o]) => o.media)];
  const pending = usedSlots.some((s) => ['uploading', 'paused'].includes(uploads.uploads[s.key]?.state ?? ''));
  const failed = usedSlots.some((s) => uploads.uploads[s.key]?.state === 'failed');
  const instant = instantOf(date, time);

  const common: string[] = [];
  if (!selected.length) common.push('Choose at least one channel');
  if (pending) common.push('Wait until the uploads have finished');
  if (failed) common.push('Remove the files that could not be uploaded');
  const creatorMissing = tiktokChannels.filter((c) => !creatorOf(c.id)?.data).map((c) => `TikTok: ${c.displayName ?? 'this account'} has not answered with its settings yet`);
  const whenProblems: string[] = [];
  if (mode === 'at' && !instant) whenProblems.push('Pick a date and a time');
  if (mode === 'at' && instant && instant.getTime() < Date.now() - 60_000) whenProblems.push('The time is in the past: pick a later one or post now');
  if (mode === 'queue' && nextSlot.data && !nextSlot.data.at) whenProblems.push('No free time slot for these channels: add posting times on the Channels page, or pick a time');
  const draftBlockers = unique([...common, ...draftIssues.map((i) => i.message)]);
  const publishBlockers = unique([...common, ...creatorMissing, ...publishIssues.map((i) => i.message), ...whenProblems]);
  const canSchedule = hasPermission(workspace, 'posts.schedule');

  const primaryLabel = { queue: 'Add to queue', at: 'Schedule', now: 'Post now' }[mode];

  async function save(kind: 'draft' | 'publish') {
    setAttempted(true);
    if ((kind === 'draft' ? draftBlockers : publishBlockers).length || saving) return;
    const input = toComposeInput(draft, selected, uploads.uploads);
    const schedule: Schedule =
      // A draft with a picked time keeps it as its plan: it shows on the calendar, nothing is sent.
      kind === 'draft' ? (mode === 'at' && instant ? { mode: 'draft', publishAt: instant.toISOString(), timeZone } : { mode: 'draft' }) : mode === 'now' ? { mode: 'now' } : mode === 'queue' ? { mode: 'queue' } : { mode: 'at', publishAt: instant!.toISOString(), timeZone };
    setSaving(true);
    setSubmitError(null);
    try {
      let post: Post;
      if (postId) {
        await update.mutateAsync({ postId, ...input });
        post = await reschedule.mutateAsync({ postId, schedule });
      } else {
        post = await create.mutateAsync({ ...input, schedule });
      }
      toast(kind === 'draft' ? 'Draft saved.' : mode === 'now' ? 'Publishing now.' : post.publishAt ? `Scheduled for ${formatDateTime(post.publishAt)}.` : 'Saved.');
      void navigate(`/w/${workspace.id}/posts/${post.id}`);
    } catch (error) {
      setSubmitError(error);
      if (isApiError(error)) setFromServer(serverIssues(error.fieldErrors, input.channels.map((c) => c.channelId)));
    } finally {
      setSaving(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void save(canSchedule ? 'publish' : 'draft');
    }
  };

  if (channelsQuery.isPending || (postId && !loaded && !existing.error)) return <Loading label={postId ? 'Loading the post…' : 'Loading channels…'} />;
  const loadError = channelsQuery.error ?? existing.error;
  const placedServer = fromServer.length > 0;
  const generalError = submitError && !placedServer ? formErrors(submitError, []).general : undefined;

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
  const channelHasIssues = (id: string) => shown.some((i) => i.channelId === id);
  const threads = selected.some((c) => isNetwork(c.network) && publishingRules[c.network].threads);
  const firstComments = selected.filter((c) => isNetwork(c.network) && publishingRules[c.network].firstComment);

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
            id={fieldId}
            className="cm-textarea"
            value={text}
            rows={7}
            placeholder="What would you like to share?"
            aria-invalid={textErrors.length ? true : undefined}
            aria-describedby={textErrors.length ? `${fieldId}-errors` : undefined}
            onChange={(e) => onText(e.target.value)}
          />
          <div className="cm-editor-foot">
            <Counters text={text} channels={counterChannels} limits={limits} />
          </div>
          <Errors messages={textErrors} id={`${fieldId}-errors`} />
        </div>
        <MediaBox slots={slots} onChange={onSlots} uploads={uploads} label={mediaLabel} errors={mediaErrors} />
      </>
    );
  };

  return (
    <div className="page page-wide cm-page" onKeyDown={onKeyDown}>
      <PageHeader
        title={postId ? 'Edit post' : 'Create a post'}
        description={
          <>
            Write once, adjust it per channel, and see how it will look. Press <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd> to {canSchedule ? primaryLabel.toLowerCase() : 'save the draft'}.
          </>
        }
      />
      <FormError message={loadError ? formErrors(loadError, []).general : undefined} />
      {allChannels.length === 0 ? (
        <section className="card">
          <EmptyState
            title="No channel to post to"
            action={
              <Link className="btn btn-primary" to={`/w/${workspace.id}/channels`}>
                Connect a channel
              </Link>
            }
          >
            Connect a TikTok, Mastodon or Bluesky account first.
          </EmptyState>
        </section>
      ) : (
        <div className="cm-layout">
          <div className="cm-main">
            <section className="card cm-compose-card" aria-label="Post">
              <ChannelPicker channels={allChannels} selected={draft.channelIds} onToggle={toggleChannel} />
              {selected.length ? (
                <div className="cm-tabs" role="tablist" aria-label="Text for">
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
                            <span className={`cm-net-dot net-${channel.network}`} aria-hidden="true" />
                            {labelOf(channel.network)}
                            {selected.filter((c) => c.network === channel.network).length > 1 ? ` · ${channel.username}` : ''}
                            {customised(id) ? <span className="cm-tab-tag">custom</span> : null}
                          </>
                        ) : (
                          'All channels'
                        )}
                        {channel && channelHasIssues(id) ? (
                          <span className="cm-tab-alert" aria-label="has problems">
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
                          Only {labelOf(tabChannel.network)} ({tabChannel.displayName ?? tabChannel.username}) posts this {tabChannel.network === 'tiktok' ? 'caption and media' : 'text and media'}.
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
                          Use the shared text again
                        </button>
                      </div>
                      {editor(
                        `${tabChannel.network === 'tiktok' ? 'Caption' : 'Text'} for ${labelOf(tabChannel.network)}`,
                        `the ${labelOf(tabChannel.network)} ${tabChannel.network === 'tiktok' ? 'caption' : 'text'}`,
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
                        {labelOf(tabChannel.network)} posts the shared text and media from <em>All channels</em>.
                      </p>
                      <button
                        type="button"
                        className="btn"
                        onClick={() => edit((d) => ({ ...d, overrides: { ...d.overrides, [tabChannel.id]: { text: d.text, media: [...d.media] } } }))}
                      >
                        Customise for {labelOf(tabChannel.network)}
                      </button>
                      <Errors messages={unique([...messagesFor('text', [tabChannel.id]), ...messagesFor('media', [tabChannel.id])])} />
                    </div>
                  )
                ) : (
                  <>
                    {editor(
                      'Shared text',
                      'the shared text',
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
                                <label htmlFor={partId}>Thread part {index + 2}</label>
                                <button
                                  type="button"
                                  className="btn-text small"
                                  aria-label={`Remove thread part ${index + 2}`}
                                  onClick={() => edit((d) => ({ ...d, threadParts: d.threadParts.filter((_, i) => i !== index) }))}
                                >
                                  Remove
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
                              <Counters text={text} channels={selected.filter((c) => isNetwork(c.network) && publishingRules[c.network].threads)} limits={limits} />
                              <Errors messages={partErrors} />
                            </div>
                          );
                        })}
                        <button type="button" className="btn btn-ghost btn-sm cm-add-part" onClick={() => edit((d) => ({ ...d, threadParts: [...d.threadParts, ''] }))}>
                          + Add to thread
                        </button>
                        <span className="small muted">
                          {' '}
                          Posted as replies on {unique(selected.filter((c) => isNetwork(c.network) && publishingRules[c.network].threads).map((c) => labelOf(c.network))).join(' and ')}.
                        </span>
                      </div>
                    ) : null}
                    {firstComments.length ? (
                      <div className={messagesFor('firstComment', sharedIds).length ? 'field has-error' : 'field'}>
                        <label htmlFor={`${baseId}-comment`}>First comment (optional)</label>
                        <textarea
                          id={`${baseId}-comment`}
                          className="cm-textarea cm-textarea-part"
                          rows={2}
                          value={draft.firstComment}
                          placeholder="Links and extra hashtags often go here"
                          onChange={(e) => edit((d) => ({ ...d, firstComment: e.target.value }))}
                        />
                        <span className="field-hint">A reply to the post on {unique(firstComments.map((c) => labelOf(c.network))).join(' and ')}.</span>
                        <Errors messages={messagesFor('firstComment', selected.map((c) => c.id))} />
                      </div>
                    ) : null}
                  </>
                )}
              </div>
            </section>

            {selected.map((channel) => {
              const settings = draft.settings[channel.id] ?? {};
              const errorFor = (field: string) => messagesFor(field, [channel.id])[0];
              const onChange = (s: Record<string, unknown>) => setSettings(channel.id, s);
              if (channel.network === 'tiktok') {
                const slots = draft.overrides[channel.id]?.media ?? draft.media;
                const files = slots.map((s) => uploads.uploads[s.key]?.media).filter((m): m is Media => !!m);
                const video = files.find((m) => m.kind === 'video') ?? null;
                const creator = creatorOf(channel.id);
                return (
                  <TikTokPanel
                    key={channel.id}
                    channel={channel}
                    creator={{ data: creator?.data, error: creator?.error ?? null, isPending: creator?.isPending ?? true }}
                    settings={settings}
                    onChange={onChange}
                    errorFor={errorFor}
                    video={video}
                    isPhoto={!video && files.length > 0}
                  />
                );
              }
              if (channel.network === 'mastodon') return <MastodonOptions key={channel.id} channel={channel} settings={settings} onChange={onChange} errorFor={errorFor} />;
              return <BlueskyOptions key={channel.id} channel={channel} settings={settings} onChange={onChange} errorFor={errorFor} />;
            })}

            <section className="card cm-when" aria-labelledby={`${baseId}-when`}>
              <h2 id={`${baseId}-when`}>When</h2>
              {canSchedule ? (
                <>
                  <div className="cm-when-options" role="radiogroup" aria-labelledby={`${baseId}-when`}>
                    {(['queue', 'at', 'now'] as const).map((value) => (
                      <label key={value} className={mode === value ? 'cm-when-option is-on' : 'cm-when-option'}>
                        <input type="radio" name={`${baseId}-when`} checked={mode === value} onChange={() => setWhen(value)} />
                        <span>
                          <strong>{{ queue: 'Add to queue', at: 'Pick a time', now: 'Post now' }[value]}</strong>
                          <span className="small muted">
                            {value === 'queue'
                              ? nextSlot.data?.at
                                ? `Next free slot ${formatDateTime(nextSlot.data.at)}`
                                : draft.channelIds.length
                                  ? 'No posting times set up yet'
                                  : 'The next free posting time'
                              : value === 'at'
                                ? 'A date and time of your choice'
                                : 'Publish right away'}
                          </span>
                        </span>
                      </label>
                    ))}
                  </div>
                  {mode === 'at' ? (
                    <div className="cm-datetime">
                      <div className="field">
                        <label htmlFor={`${baseId}-date`}>Date</label>
                        <input id={`${baseId}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
                      </div>
                      <div className="field">
                        <label htmlFor={`${baseId}-time`}>Time</label>
                        <input id={`${baseId}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
                      </div>
                      <p className="cm-zone small muted" data-testid="time-zone">
                        Time zone: {zoneName(instant ?? new Date())}
                      </p>
                    </div>
                  ) : null}
                </>
              ) : (
                <p className="muted small">Your role saves drafts; an owner, admin or approver schedules them.</p>
              )}
              <FormError message={generalError} />
              {placedServer ? <Notice tone="danger">Herald refused the post: see the messages next to the fields.</Notice> : null}
              <div className="cm-actions">
                <button type="button" className="btn" disabled={saving || draftBlockers.length > 0} onClick={() => void save('draft')} aria-describedby={`${baseId}-draft-why`}>
                  Save draft
                </button>
                {canSchedule ? (
                  <button type="button" className="btn btn-primary" disabled={saving || publishBlockers.length > 0} onClick={() => void save('publish')} aria-describedby={`${baseId}-why`}>
                    {saving ? 'Saving…' : primaryLabel}
                  </button>
                ) : null}
              </div>
              {canSchedule && publishBlockers.length ? (
                <div className="cm-blockers" id={`${baseId}-why`} data-testid="blockers">
                  <p className="cm-blockers-title">{primaryLabel} is not possible yet:</p>
                  <ul>
                    {publishBlockers.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {!canSchedule && draftBlockers.length ? (
                <ul className="cm-blockers" id={`${baseId}-draft-why`}>
                  {draftBlockers.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : (
                <span id={`${baseId}-draft-why`} hidden>
                  {draftBlockers.join('. ')}
                </span>
              )}
            </section>
          </div>

          <aside className="cm-previews" aria-label="Previews">
            <h2 className="cm-previews-title">Preview</h2>
            {selected.length === 0 ? <p className="muted small">Choose a channel to see how the post will look there.</p> : null}
            {selected.map((channel) => {
              const own = draft.overrides[channel.id];
              const rules = isNetwork(channel.network) ? publishingRules[channel.network] : null;
              return (
                <div key={channel.id} className="cm-preview" data-testid={`preview-${channel.network}`}>
                  <div className="cm-preview-label">
                    <span className={`cm-net-dot net-${channel.network}`} aria-hidden="true" />
                    {labelOf(channel.network)}
                  </div>
                  <Preview
                    uploads={uploads.uploads}
                    content={{
                      channel,
                      text: own ? own.text : draft.text,
                      media: own ? own.media : draft.media,
                      threadParts: rules?.threads ? draft.threadParts : [],
                      firstComment: rules?.firstComment && draft.firstComment.trim() ? draft.firstComment : null,
                      settings: draft.settings[channel.id] ?? {},
                      nickname: creatorOf(channel.id)?.data?.nickname,
                    }}
                  />
                </div>
              );
            })}
          </aside>
        </div>
      )}
    </div>
  );
}
