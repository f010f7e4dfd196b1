import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ChannelLimits } from '../../../shared/publishing-rules.ts';
import { api, isApiError } from '../../api/client.ts';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { isNetwork } from '../../components/networks.ts';
import { networkIds, networks } from '../../../shared/networks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { PostingTimesSection } from '../workspaces/posting-times.section.tsx';
import { useChannels } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { ChannelPicker, ContentTabs } from './composer-content.tsx';
import { channelIssues, instantOf, limitsFor, serverIssues, toComposeInput, type ChannelIssue } from './composer-model.ts';
import { PostComments } from '../comments/post-comments.tsx';
import { NetworkPanels, Previews, PublicMediaNotices, preflightWaits, usePreflights } from './composer-networks.tsx';
import { LinkCardEditor, UtmPanel } from './composer-link-card.tsx';
import { useUploads } from './composer-uploads.ts';
import { browserTimeZone as timeZone, WhenChoice } from './composer-when.tsx';
import { BestTimeChips } from './composer-best-times.tsx';
import { postsKey, useCreatePost, usePost, useSchedulePost, useUpdatePost, type Post, type Schedule } from './posts.api.ts';
import { useComposerDraft, type When } from './use-composer-draft.ts';
import { useIdeaPrefill } from '../ideas/use-idea-prefill.ts';
import './composer.css';
import { useSubmitsForReview } from '../approvals/approvals.api.ts';

/** Shown until a save is attempted: an empty post is not yet a mistake. */
const isQuiet = (issue: ChannelIssue) => issue.code === 'empty';
const unique = (messages: string[]) => [...new Set(messages)];
/** "a TikTok, Mastodon or Bluesky" */
const orList = (words: string[]) => `a ${words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '')}`;

export function ComposerPage() {
  const workspace = useWorkspace();
  const { postId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const channelsQuery = useChannels(workspace.id);
  const existing = usePost(workspace.id, postId);
  const uploads = useUploads(workspace.id);
  const create = useCreatePost(workspace.id);
  const update = useUpdatePost(workspace.id);
  const reschedule = useSchedulePost(workspace.id);
  const baseId = useId();
  const [editingTimes, setEditingTimes] = useState(false);
  const state = useComposerDraft({ workspaceId: workspace.id, postId, stored: existing.data, prefillAt: params.get('at'), adopt: uploads.adopt });
  const { draft, edit, when, setWhen, date, setDate, time, setTime, attempted, fromServer, saving, submitError } = state;
  const fromIdea = useIdeaPrefill({ workspaceId: workspace.id, ideaId: postId ? null : params.get('idea'), edit, adopt: uploads.adopt });

  const allChannels = useMemo(() => (channelsQuery.data?.items ?? []).filter((c) => c.status !== 'disconnected' && isNetwork(c.network)), [channelsQuery.data]);
  const selected = useMemo(() => allChannels.filter((c) => draft.channelIds.includes(c.id)), [allChannels, draft.channelIds]);
  const preflights = usePreflights(workspace.id, selected, draft.settings);
  const limits: Record<string, ChannelLimits> = {};
  for (const c of selected) limits[c.id] = limitsFor(c, preflights.get(c.id));

  const nextSlot = useQuery({
    // Under the posts key, so saving any post makes it stale; and not kept once the composer
    // closes: the next composer must not promise the slot the last post just took.
    queryKey: [...postsKey(workspace.id), 'queue-next', draft.channelIds.join(',')],
    queryFn: () => api.get<{ at: string | null; timeZone: string }>(`/api/v1/workspaces/${workspace.id}/queue/next?channelIds=${encodeURIComponent(draft.channelIds.join(','))}`),
    enabled: draft.channelIds.length > 0,
    gcTime: 0,
  });
  const mode: When = when ?? (nextSlot.data?.at ? 'queue' : 'at');

  // What the rules say, for a draft and for publishing; plus what the server answered last time.
  const draftIssues = channelIssues(draft, selected, uploads.uploads, limits, false);
  const publishIssues = channelIssues(draft, selected, uploads.uploads, limits, true);
  const shown = [...publishIssues.filter((i) => attempted || !isQuiet(i)), ...fromServer];
  const messagesFor = (field: string, channelIds: string[]) => unique(shown.filter((i) => i.field === field && channelIds.includes(i.channelId)).map((i) => i.message));
  const usedSlots = [...draft.media, ...Object.entries(draft.overrides).filter(([id]) => draft.channelIds.includes(id)).flatMap(([, o]) => o.media)];
  const pending = usedSlots.some((s) => ['uploading', 'paused'].includes(uploads.uploads[s.key]?.state ?? ''));
  const failed = usedSlots.some((s) => uploads.uploads[s.key]?.state === 'failed');
  const instant = instantOf(date, time);

  const common: string[] = [];
  if (!selected.length) common.push('Choose at least one channel');
  if (pending) common.push('Wait until the uploads have finished');
  if (failed) common.push('Remove the files that could not be uploaded');
  const whenProblems: string[] = [];
  if (mode === 'at' && !instant) whenProblems.push('Pick a date and a time');
  if (mode === 'at' && instant && instant.getTime() < Date.now() - 60_000) whenProblems.push('The time is in the past: pick a later one or post now');
  if (mode === 'queue' && nextSlot.data && !nextSlot.data.at) whenProblems.push('No free time slot for these channels: add posting times in Workspace settings → Posting times, or pick a time');
  const draftBlockers = unique([...common, ...draftIssues.map((i) => i.message)]);
  const publishBlockers = unique([...common, ...preflightWaits(selected, preflights), ...publishIssues.map((i) => i.message), ...whenProblems]);
  const canSchedule = hasPermission(workspace, 'posts.schedule');

  const forReview = useSubmitsForReview(workspace.id, draft.channelIds, hasPermission(workspace, 'posts.approve'));
  const primaryLabel = forReview ? 'Submit for review' : { queue: 'Add to queue', at: 'Schedule', now: 'Post now' }[mode];

  async function save(kind: 'draft' | 'publish') {
    state.setAttempted(true);
    if ((kind === 'draft' ? draftBlockers : publishBlockers).length || saving) return;
    const input = toComposeInput(draft, selected, uploads.uploads);
    const schedule: Schedule =
      // A draft with a picked time keeps it as its plan: it shows on the calendar, nothing is sent.
      kind === 'draft' ? (mode === 'at' && instant ? { mode: 'draft', publishAt: instant.toISOString(), timeZone } : { mode: 'draft' }) : mode === 'now' ? { mode: 'now' } : mode === 'queue' ? { mode: 'queue' } : { mode: 'at', publishAt: instant!.toISOString(), timeZone };
    state.setSaving(true);
    state.setSubmitError(null);
    try {
      let post: Post;
      if (postId) {
        await update.mutateAsync({ postId, ...input });
        post = await reschedule.mutateAsync({ postId, schedule });
      } else {
        post = await create.mutateAsync({ ...input, schedule });
        await fromIdea.linkPost(post.id);
      }
      toast(kind === 'draft' ? 'Draft saved.' : post.state === 'in_review' ? 'Submitted for review: an approver will be told.' : mode === 'now' ? 'Publishing now.' : post.publishAt ? `Scheduled for ${formatDateTime(post.publishAt)}.` : 'Saved.');
      void navigate(`/w/${workspace.id}/posts/${post.id}`);
    } catch (error) {
      state.setSubmitError(error);
      if (isApiError(error)) state.setFromServer(serverIssues(error.fieldErrors, input.channels.map((c) => c.channelId)));
    } finally {
      state.setSaving(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void save(canSchedule ? 'publish' : 'draft');
    }
  };

  if (channelsQuery.isPending || (postId && !state.loaded && !existing.error)) return <Loading label={postId ? 'Loading the post…' : 'Loading channels…'} />;
  const loadError = channelsQuery.error ?? existing.error;
  const placedServer = fromServer.length > 0;
  const generalError = submitError && !placedServer ? formErrors(submitError, []).general : undefined;

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
      {fromIdea.idea ? <Notice>Starting from the idea “{fromIdea.idea.title}”: the card links to the post once it is saved.</Notice> : null}
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
            Connect {orList(networkIds.map((id) => networks[id].label))} account first.
          </EmptyState>
        </section>
      ) : (
        <div className="cm-layout">
          <div className="cm-main">
            <section className="card cm-compose-card" aria-label="Post">
              <ChannelPicker channels={allChannels} selected={draft.channelIds} onToggle={(id) => state.toggleChannel(allChannels.find((c) => c.id === id)!)} />
              <ContentTabs
                baseId={baseId}
                draft={draft}
                edit={edit}
                selected={selected}
                uploads={uploads}
                limits={limits}
                messagesFor={messagesFor}
                channelHasIssues={(id) => shown.some((i) => i.channelId === id)}
              />
              <LinkCardEditor workspaceId={workspace.id} draft={draft} edit={edit} />
            </section>

            <PublicMediaNotices channels={selected} />
            <NetworkPanels channels={selected} draft={draft} uploads={uploads.uploads} preflights={preflights} onSettings={state.setSettings} errorFor={(channelId, field) => messagesFor(field, [channelId])[0]} />
            <UtmPanel channels={selected} draft={draft} edit={edit} />

            <section className="card cm-when" aria-labelledby={`${baseId}-when`}>
              <h2 id={`${baseId}-when`}>When</h2>
              {canSchedule ? (
                <WhenChoice
                  baseId={baseId}
                  mode={mode}
                  onMode={setWhen}
                  nextSlotAt={nextSlot.data ? nextSlot.data.at : undefined}
                  slotTimeZone={nextSlot.data?.timeZone}
                  postingTimesHref={`/w/${workspace.id}/settings#posting-times`}
                  onEditPostingTimes={hasPermission(workspace, 'channels.manage') ? () => setEditingTimes(true) : undefined}
                  hasChannels={draft.channelIds.length > 0}
                  date={date}
                  time={time}
                  onDate={setDate}
                  onTime={setTime}
                  instant={instant}
                />
              ) : (
                <p className="muted small">Your role saves drafts; an owner, admin or approver schedules them.</p>
              )}
              {canSchedule && mode === 'at' ? (
                <BestTimeChips
                  workspaceId={workspace.id}
                  channelIds={draft.channelIds}
                  onPick={(pickedDate, pickedTime) => {
                    setDate(pickedDate);
                    setTime(pickedTime);
                  }}
                />
              ) : null}
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
            {postId ? <PostComments postId={postId} collapsed /> : null}
          </div>

          <Previews workspaceId={workspace.id} channels={selected} draft={draft} uploads={uploads.uploads} preflights={preflights} />
        </div>
      )}
      {/* Posting times edited without leaving the post: the next free slot follows at once. */}
      <Dialog open={editingTimes} title="Posting times" onClose={() => setEditingTimes(false)} testId="posting-times-dialog" wide>
        <PostingTimesSection workspace={workspace} inDialog />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setEditingTimes(false)}>
            Done
          </button>
        </div>
      </Dialog>
    </div>
  );
}
